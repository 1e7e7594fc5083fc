# SPDX-License-Identifier: GPL-3.0-or-later
"""French text (and plural forms) for sharing a diary entry with supervisors: the diary
editor's words on who can read an entry. fill_translations.py merges these."""

FR_SHARING = {
 'Shared: %1': 'Partagée : %1',
 'Shared, but no supervisor is assigned yet: only you can read this': 'Partagée, mais aucun superviseur ne vous est encore attribué : vous seul pouvez la lire',
 'No supervisor is assigned to you yet, so sharing reaches no one.': 'Aucun superviseur ne vous est encore attribué : le partage n’atteint personne.',
 'They can read it after the next sync. Switching off removes their copy, but what they have read cannot be unread.': 'Ils pourront la lire après la prochaine synchronisation. Désactiver le partage supprime leur copie, mais ce qu’ils ont lu ne peut pas être oublié.',
 'Switch on to share this one entry with %1.': 'Activez pour partager cette seule entrée avec %1.',
}

PLURALS_SHARING = {
 'You and %1 (supervisor)': (('You and %1 (supervisor)', 'You and %1 (supervisors)'),
                             ('Vous et %1 (superviseur)', 'Vous et %1 (superviseurs)')),
}
