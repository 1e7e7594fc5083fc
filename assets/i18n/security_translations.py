# SPDX-License-Identifier: GPL-3.0-or-later
"""French text for the vault's protection: the device keychain at first run and in Settings,
and the rules for a new PIN. fill_translations.py merges these."""

FR_SECURITY = {
 'Protect with my PIN only': 'Protéger avec mon code seul',
 'Protect my records with my PIN only, without a keychain': 'Protéger mes données avec mon code seul, sans trousseau',
 'Try the keychain again': 'Réessayer avec le trousseau',
 'Your records are locked with your PIN and with a key kept in this device\'s keychain: a copy of Waypoint\'s files alone cannot be opened.':
     'Vos données sont verrouillées par votre code et par une clé gardée dans le trousseau de cet appareil : une copie des fichiers de Waypoint ne suffit pas à les ouvrir.',
 'Protected by your PIN only: this device had no keychain when Waypoint was set up, so someone with a copy of Waypoint\'s files could try every PIN on another computer.':
     'Protégé par votre code seul : cet appareil n’avait pas de trousseau quand Waypoint a été configuré, donc quelqu’un qui aurait une copie des fichiers de Waypoint pourrait essayer tous les codes sur un autre ordinateur.',
 'This device has no keychain Waypoint can use (%1). Without one, your records are protected by your PIN alone: someone with a copy of Waypoint\'s files could try every PIN on another computer.':
     'Cet appareil n’a pas de trousseau que Waypoint puisse utiliser (%1). Sans trousseau, vos données ne sont protégées que par votre code : quelqu’un qui aurait une copie des fichiers de Waypoint pourrait essayer tous les codes sur un autre ordinateur.',
 'This device\'s keychain is not available, and Waypoint needs it to open your records.':
     'Le trousseau de cet appareil n’est pas disponible, et Waypoint en a besoin pour ouvrir vos données.',
 'Digits in a row (like 123456) are among the first PINs anyone tries. Choose another, or a longer PIN.':
     'Des chiffres qui se suivent (comme 123456) sont parmi les premiers codes qu’on essaie. Choisissez-en un autre, ou un code plus long.',
 'That is one of the most common PINs. Choose another, or a longer PIN.':
     'C’est l’un des codes les plus courants. Choisissez-en un autre, ou un code plus long.',
}
