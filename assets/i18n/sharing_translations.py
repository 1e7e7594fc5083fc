# SPDX-License-Identifier: GPL-3.0-or-later
"""French text (and plural forms) for sharing a diary entry with supervisors: the words on
who can read an entry or a note, and the entries raised for the next supervision.
fill_translations.py merges these."""

FR_SHARING = {
 'No supervisor is assigned to you yet, so sharing reaches no one.': 'Aucun superviseur ne vous est encore attribué : le partage n’atteint personne.',
 'They can read it after the next sync. Switching off removes their copy, but what they have read cannot be unread.': 'Ils pourront la lire après la prochaine synchronisation. Désactiver le partage supprime leur copie, mais ce qu’ils ont lu ne peut pas être oublié.',
 'Switch on to share this one entry with %1.': 'Activez pour partager cette seule entrée avec %1.',
}

FR_SHARING.update({
 'Only you': 'Vous seul',
 'You and your supervisor': 'Vous et votre superviseur',
 ', ': ', ',
 'You and %1 (supervisor)': 'Vous et %1 (superviseur)',
 'You and %1 (supervisors)': 'Vous et %1 (superviseurs)',
 'This device does not sync, so a shared entry stays on it until it is set up to sync.': 'Cet appareil ne se synchronise pas : une entrée partagée y reste jusqu’à ce qu’il soit configuré pour la synchronisation.',
 'Your supervisor can read it once this device has synced. Switching off removes their copy, but what they have read cannot be unread.': 'Votre superviseur pourra la lire une fois cet appareil synchronisé. Désactiver le partage supprime sa copie, mais ce qu’il a lu ne peut pas être oublié.',
 'Switch on to share this one entry with your supervisor.': 'Activez pour partager cette seule entrée avec votre superviseur.',
 'Who can read it: %1': 'Qui peut la lire : %1',
 'who can read it: %1': 'qui peut la lire : %1',
 'Shared': 'Partagée',
 'Share this entry (no supervisor is assigned to you)': 'Partager cette entrée (aucun superviseur ne vous est attribué)',
 'Your supervision notes are yours alone: only you can read them.': 'Vos notes de supervision n’appartiennent qu’à vous : vous seul pouvez les lire.',
 'To discuss': 'À aborder',
 'your supervisor': 'votre superviseur',
 'you': 'vous',
 'Raised by %1': 'Signalée par %1',
 'Raise at next supervision': 'À aborder à la prochaine supervision',
 'Raised': 'Signalée',
})

PLURALS_SHARING = {}
