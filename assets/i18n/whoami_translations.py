# SPDX-License-Identifier: GPL-3.0-or-later
"""French for who the device is for and renaming it on the sync page (qml/sync/IdentitySection,
app/client/sync/SyncConnection). fill_translations.py merges these."""

FR_WHOAMI = {
 '%1 (supervisor)': '%1 (superviseur)',
 '%1 \u00b7 %2': '%1 \u00b7 %2',
 'Syncing for %1': 'Synchronisé pour %1',
 'Use letters, digits and spaces.': 'Utilisez des lettres, des chiffres et des espaces.',
 'The new name reaches your organisation\'s server at the next sync.':
     'Le nouveau nom parviendra au serveur de votre organisation à la prochaine synchronisation.',
 'Your organisation\'s server knows this device by this name, so your devices can be told apart.':
     'Le serveur de votre organisation connaît cet appareil sous ce nom, pour distinguer vos appareils.',
}
