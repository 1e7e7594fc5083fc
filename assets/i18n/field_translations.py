# SPDX-License-Identifier: GPL-3.0-or-later
"""French for the PIN-or-passphrase choice at first run and the notice about wrong PINs after
unlocking. fill_translations.py merges these."""

FR_FIELD = {
 'A PIN is made of digits only. To use letters or words, choose \u201cUse a passphrase instead of digits\u201d.':
     'Un code ne contient que des chiffres. Pour utiliser des lettres ou des mots, choisissez « Utiliser une phrase secrète plutôt que des chiffres ».',
 'Choose a passphrase': 'Choisissez une phrase secrète',
 'If that was not you, someone may have tried to open Waypoint.':
     'Si ce n’était pas vous, quelqu’un a peut-être essayé d’ouvrir Waypoint.',
 'Dismiss the notice about wrong PINs': 'Fermer l’avis sur les codes erronés',
}

# Plural forms: (English singular, English plural), (French singular, French plural).
PLURALS_FIELD = {
 '%n wrong PIN(s) entered since Waypoint was last unlocked.': (
     ('%n wrong PIN entered since Waypoint was last unlocked.',
      '%n wrong PINs entered since Waypoint was last unlocked.'),
     ('%n code erroné saisi depuis le dernier déverrouillage de Waypoint.',
      '%n codes erronés saisis depuis le dernier déverrouillage de Waypoint.')),
 '%n wrong passphrase(s) entered since Waypoint was last unlocked.': (
     ('%n wrong passphrase entered since Waypoint was last unlocked.',
      '%n wrong passphrases entered since Waypoint was last unlocked.'),
     ('%n phrase secrète erronée saisie depuis le dernier déverrouillage de Waypoint.',
      '%n phrases secrètes erronées saisies depuis le dernier déverrouillage de Waypoint.')),
 '%n unlock(s) stopped halfway: Waypoint was closed while it was checking.': (
     ('%n unlock stopped halfway: Waypoint was closed while it was checking.',
      '%n unlocks stopped halfway: Waypoint was closed while it was checking.'),
     ('%n déverrouillage interrompu : Waypoint a été fermé pendant la vérification.',
      '%n déverrouillages interrompus : Waypoint a été fermé pendant la vérification.')),
}
