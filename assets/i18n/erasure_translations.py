# SPDX-License-Identifier: GPL-3.0-or-later
"""French for erasing a participant (Delete participant, withdrawal of consent with Undo), the
consent scope rule and history, and taking back a stage tap. fill_translations.py merges these."""

FR_ERASURE = {
 'Delete': 'Supprimer',
 'Delete participant': 'Supprimer la personne',
 'Delete %1 and their encounters': 'Supprimer %1 et ses rencontres',
 'Delete %1?': 'Supprimer %1 ?',
 'Withdraw consent?': 'Retirer le consentement ?',
 "Withdrawing consent erases %1's records. You can undo it for 10 seconds.":
     'Retirer le consentement efface les données de %1. Vous pouvez annuler pendant 10 secondes.',
 'Withdraw and erase': 'Retirer et effacer',
 'Consent withdrawn. Erasing %1 in %2 s.': 'Consentement retiré. Effacement de %1 dans %2 s.',
 'Undo': 'Annuler',
 'Undo the withdrawal of consent': 'Annuler le retrait du consentement',
 'Cancel': 'Annuler',
 'Stage changed to %1.': 'Étape changée : %1.',
 'Undo the stage change': 'Annuler le changement d’étape',
 'Consent history': 'Historique du consentement',
 'Say what they agreed to before recording consent.':
     'Indiquez ce qui a été accepté avant de noter le consentement.',
}

# Plural forms: (English singular, English plural), (French singular, French plural).
PLURALS_ERASURE = {
 '%1 and %n encounter(s) will be removed from this phone and, after sync, from your other devices and the server. This cannot be undone.': (
     ('%1 and %n encounter will be removed from this phone and, after sync, from your other devices and the server. This cannot be undone.',
      '%1 and %n encounters will be removed from this phone and, after sync, from your other devices and the server. This cannot be undone.'),
     ('%1 et %n rencontre seront effacés de ce téléphone et, après synchronisation, de vos autres appareils et du serveur. C’est définitif.',
      '%1 et %n rencontres seront effacés de ce téléphone et, après synchronisation, de vos autres appareils et du serveur. C’est définitif.')),
}
