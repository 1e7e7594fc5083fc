# SPDX-License-Identifier: GPL-3.0-or-later
"""French text for putting records right: opening, editing and deleting encounters, diary
entries and supervision sessions, and editing or removing goals, topics and action items.
fill_translations.py merges these."""

FR_EDIT_RECORDS = {
 'Delete': 'Supprimer',
 'Cancel': 'Annuler',
 'Remove': 'Retirer',
 'Remove this?': 'Retirer ceci ?',
 'Remove \u201c%1\u201d': 'Retirer « %1 »',
 '\u201c%1\u201d will be taken out.': '« %1 » sera retiré.',
 'an unnamed contact': 'un contact sans nom',
 'Encounter': 'Rencontre',
 'Someone else wrote this encounter: you can read it, not change it.': 'Quelqu’un d’autre a écrit cette rencontre : vous pouvez la lire, pas la modifier.',
 'Someone else added this participant: you can read their page, not change it.': 'Quelqu’un d’autre a ajouté cette personne : vous pouvez lire sa page, pas la modifier.',
 'Delete encounter': 'Supprimer la rencontre',
 'Delete this encounter?': 'Supprimer cette rencontre ?',
 'The encounter with %1 (%2) will be deleted from this phone and, after sync, from your other devices.': 'La rencontre avec %1 (%2) sera supprimée de ce téléphone et, après la synchronisation, de vos autres appareils.',
 'The encounter of %1 will be deleted from this phone and, after sync, from your other devices.': 'La rencontre du %1 sera supprimée de ce téléphone et, après la synchronisation, de vos autres appareils.',
 'Edit goal %1': 'Modifier l’objectif %1',
 'Goal': 'Objectif',
 'Remove this goal?': 'Retirer cet objectif ?',
 'Edit topic %1': 'Modifier le sujet %1',
 'Edit action item %1': 'Modifier l’action %1',
 'Topic': 'Sujet',
 'Action item': 'Action',
 'Remove this topic?': 'Retirer ce sujet ?',
 'Remove this action item?': 'Retirer cette action ?',
 'Delete session': 'Supprimer la séance',
 'Delete this supervision session?': 'Supprimer cette séance de supervision ?',
 'The session of %1 with %2, its topics and action items will be deleted from this phone and, after sync, from your other devices.': 'La séance du %1 avec %2, ses sujets et ses actions seront supprimés de ce téléphone et, après la synchronisation, de vos autres appareils.',
 'Delete entry': 'Supprimer l’entrée',
 'Delete this diary entry?': 'Supprimer cette entrée du journal ?',
 'Your entry of %1 will be deleted from this phone and, after sync, from your other devices.': 'Votre entrée du %1 sera supprimée de ce téléphone et, après la synchronisation, de vos autres appareils.',
 'Only the person who wrote this record can delete it.': 'Seule la personne qui a écrit cet enregistrement peut le supprimer.',
 'Only the person who wrote this record can change it.': 'Seule la personne qui a écrit cet enregistrement peut le modifier.',
 'Only the person who added %1 can change them.': 'Seule la personne qui a ajouté %1 peut modifier sa fiche.',
}
