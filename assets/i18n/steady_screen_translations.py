# SPDX-License-Identifier: GPL-3.0-or-later
"""French for the rules shown before a PIN, passphrase or recovery key is typed, and for who
syncs from this device (its name, the user's key fingerprint) on the sync page."""

FR_STEADY = {
 'At least 6 digits, not a run like 123456 nor one of the most common PINs; or a passphrase of at least 6 characters. There is no way to recover it: after 10 wrong tries everything on this phone is erased.':
     'Au moins 6 chiffres, ni une suite comme 123456 ni l’un des codes les plus courants\u00a0; ou une phrase secrète d’au moins 6 caractères. Impossible de la récupérer\u00a0: après 10 essais erronés, tout est effacé de ce téléphone.',
 'At least 6 digits, not a run like 123456 nor one of the most common PINs. With letters in it, it is a passphrase of at least 6 characters.':
     'Au moins 6 chiffres, ni une suite comme 123456 ni l’un des codes les plus courants. Avec des lettres, c’est une phrase secrète d’au moins 6 caractères.',
 'Nine groups of four letters and digits. Spaces, dashes and capitals do not matter.':
     'Neuf groupes de quatre lettres et chiffres. Les espaces, les tirets et les majuscules ne comptent pas.',
 'This device': 'Cet appareil',
 'Device name': 'Nom de l’appareil',
 'Rename': 'Renommer',
 'Rename this device': 'Renommer cet appareil',
 'Sent to your organisation\'s server when this device is enrolled, so your devices can be told apart.':
     'Envoyé au serveur de votre organisation à l’inscription de cet appareil, pour distinguer vos appareils.',
 'Your key fingerprint': 'Empreinte de vos clés',
 'Your key fingerprint: %1': 'Empreinte de vos clés\u00a0: %1',
 'The people you sync with see the same digits for your keys: compare them in person when Waypoint or your supervisor asks.':
     'Les personnes avec qui vous synchronisez voient les mêmes chiffres pour vos clés\u00a0: comparez-les en personne quand Waypoint ou votre superviseur le demande.',
 'Give this device a name, like \u201cWork phone\u201d.':
     'Donnez un nom à cet appareil, par exemple «\u00a0Téléphone du travail\u00a0».',
 'The name could not be saved on this phone.': 'Le nom n’a pas pu être enregistré sur ce téléphone.',
}

PLURALS_STEADY = {
 'Use at most %n characters.': (('Use at most %n character.', 'Use at most %n characters.'),
                                ('Utilisez au plus %n caractère.', 'Utilisez au plus %n caractères.')),
}
