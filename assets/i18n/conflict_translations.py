# SPDX-License-Identifier: GPL-3.0-or-later
"""French text (and English plural forms) for conflicts: a text changed on this phone and on
another device before they synced (qml/conflicts, Today's card, the sync page and status).
fill_translations.py merges these."""

FR_CONFLICTS = {
 'Conflicts': 'Conflits',
 'No conflicts: this phone and your other devices agree.': 'Aucun conflit : ce téléphone et vos autres appareils sont d’accord.',
 'This phone': 'Ce téléphone',
 'Other device': 'Autre appareil',
 'shown now': 'affichée maintenant',
 '%1 · shown now': '%1 · affichée maintenant',
 'Keep mine': 'Garder la mienne',
 'Keep this phone\'s version': 'Garder la version de ce téléphone',
 'Keep theirs': 'Garder l’autre',
 'Keep the other device\'s version': 'Garder la version de l’autre appareil',
 'Merge both into one text': 'Fusionner les deux en un texte',
 'Merged text: both versions, to edit into one': 'Texte fusionné : les deux versions, à réunir en une',
 'Merged text': 'Texte fusionné',
 'Save merged text': 'Enregistrer le texte fusionné',
 'Changed on another device too': 'Modifié aussi sur un autre appareil',
 'This was edited on this phone and on another device before they synced. Both versions are kept until you choose.': 'Ceci a été modifié sur ce téléphone et sur un autre appareil avant leur synchronisation. Les deux versions sont gardées jusqu’à ce que vous choisissiez.',
 'Compare and choose': 'Comparer et choisir',
 'Compare both versions and choose': 'Comparer les deux versions et choisir',
 'Resolve conflicts': 'Résoudre les conflits',
 'Compare both versions of each conflict and choose': 'Comparer les deux versions de chaque conflit et choisir',
 'Both versions are kept until you choose.': 'Les deux versions sont gardées jusqu’à ce que vous choisissiez.',
 'Resolve': 'Résoudre',
 'A text was changed on this phone and on another device before they synced. Both versions are kept until you choose.': 'Un texte a été modifié sur ce téléphone et sur un autre appareil avant leur synchronisation. Les deux versions sont gardées jusqu’à ce que vous choisissiez.',
}

PLURALS_CONFLICTS = {
 '%n conflict(s) to resolve': (
     ('%n conflict to resolve', '%n conflicts to resolve'),
     ('%n conflit à résoudre', '%n conflits à résoudre')),
 '%n conflict(s)': (
     ('%n conflict', '%n conflicts'),
     ('%n conflit', '%n conflits')),
 '%n conflict(s): a text was changed on this phone and on another device before they synced.': (
     ('%n conflict: a text was changed on this phone and on another device before they synced.',
      '%n conflicts: texts were changed on this phone and on another device before they synced.'),
     ('%n conflit : un texte a été modifié sur ce téléphone et sur un autre appareil avant leur synchronisation.',
      '%n conflits : des textes ont été modifiés sur ce téléphone et sur un autre appareil avant leur synchronisation.')),
 '%n text(s) were changed on this phone and on another device before they synced. Both versions are kept: keep one, or write one text from both.': (
     ('%n text was changed on this phone and on another device before they synced. Both versions are kept: keep one, or write one text from both.',
      '%n texts were changed on this phone and on another device before they synced. Both versions are kept: keep one, or write one text from both.'),
     ('%n texte a été modifié sur ce téléphone et sur un autre appareil avant leur synchronisation. Les deux versions sont gardées : gardez-en une, ou écrivez un seul texte à partir des deux.',
      '%n textes ont été modifiés sur ce téléphone et sur un autre appareil avant leur synchronisation. Les deux versions sont gardées : gardez-en une, ou écrivez un seul texte à partir des deux.')),
}
