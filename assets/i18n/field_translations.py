# SPDX-License-Identifier: GPL-3.0-or-later
"""French for the PIN-or-passphrase choice at first run. fill_translations.py merges these."""

FR_FIELD = {
 'A PIN is made of digits only. To use letters or words, choose \u201cUse a passphrase instead of digits\u201d.':
     'Un code ne contient que des chiffres. Pour utiliser des lettres ou des mots, choisissez « Utiliser une phrase secrète plutôt que des chiffres ».',
 'Choose a passphrase': 'Choisissez une phrase secrète',
}

# Plural forms: (English singular, English plural), (French singular, French plural).
PLURALS_FIELD = {
}
