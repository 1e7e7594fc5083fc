# SPDX-License-Identifier: GPL-3.0-or-later
"""French text for supervisors' review marks, comments and acknowledgements: the review queue
and its entry (qml/review), the comments under the worker's own entry and Today's card.
fill_translations.py merges these."""

FR_REVIEW = {
 'It acknowledges a comment on a diary entry its sender did not write.': 'Il accuse réception d’un commentaire sur une entrée du journal que son expéditeur n’a pas écrite.',
 # app/client/review
 'A colleague': 'Un collègue',
 'Read by %1, %2': 'Lu par %1, le %2',
 'Acknowledged %1': 'Pris en compte le %1',
 '%1 commented on your entry of %2': '%1 a commenté votre entrée du %2',
 'This entry is not here any more.': 'Cette entrée n’est plus ici.',
 'You': 'Vous',
 'You acknowledged this': 'Vous l’avez pris en compte',
 'Write a comment first.': 'Écrivez d’abord un commentaire.',
 # qml/review
 'Review': 'Relecture',
 'Not acknowledged yet': 'Pas encore pris en compte',
 'Acknowledge': 'Prendre en compte',
 'Acknowledge the comment of %1': 'Prendre en compte le commentaire de %1',
 'Comments': 'Commentaires',
 'No comments yet. %1 sees what you write after the next sync.': 'Aucun commentaire pour l’instant. %1 verra ce que vous écrivez après la prochaine synchronisation.',
 'Write a comment for %1': 'Écrire un commentaire pour %1',
 'Comment': 'Commentaire',
 'Add comment': 'Ajouter le commentaire',
 'Shared entry': 'Entrée partagée',
 'Back': 'Retour',
 'All workers': 'Tous les travailleurs pairs',
 'reviewed': 'relue',
 'new': 'nouvelle',
 'Reviewed': 'Relue',
 'New': 'Nouvelle',
 'Nothing to review': 'Rien à relire',
 'No shared entry matches these filters.': 'Aucune entrée partagée ne correspond à ces filtres.',
 'Entries your workers share with you appear here after a sync.': 'Les entrées que vos travailleurs pairs partagent avec vous apparaissent ici après une synchronisation.',
 'Choose an entry to read it here.': 'Choisissez une entrée pour la lire ici.',
 'Comments on your entries': 'Commentaires sur vos entrées',
 'Read': 'Lire',
 'From your supervisor': 'De votre superviseur',
 'Raised for the next supervision': 'Signalée pour la prochaine supervision',
 'Shared with me': 'Partagées avec moi',
 # app/client/team, qml/team
 'Last synced just now': 'Synchronisé à l’instant',
 'Wellbeing rising': 'Bien-être en hausse',
 'Wellbeing falling': 'Bien-être en baisse',
 'Wellbeing steady': 'Bien-être stable',
 'No wellbeing ratings shared': 'Aucune note de bien-être partagée',
 'Too few ratings for a trend': 'Trop peu de notes pour une tendance',
 'Team': 'Équipe',
 'Your team': 'Votre équipe',
 'Open your team': 'Ouvrir votre équipe',
 'No workers yet': 'Aucun travailleur pair pour l’instant',
 'The workers you supervise appear here after a sync.': 'Les travailleurs pairs que vous supervisez apparaissent ici après une synchronisation.',
}

PLURALS_REVIEW = {
 '%1 · %n comment(s)': (
     ('%1 · %n comment', '%1 · %n comments'),
     ('%1 · %n commentaire', '%1 · %n commentaires')),
 '%n entry(ies) to review': (
     ('%n entry to review', '%n entries to review'),
     ('%n entrée à relire', '%n entrées à relire')),
 'Last synced %n min ago': (
     ('Last synced %n min ago', 'Last synced %n min ago'),
     ('Synchronisé il y a %n min', 'Synchronisé il y a %n min')),
 'Last synced %n h ago': (
     ('Last synced %n h ago', 'Last synced %n h ago'),
     ('Synchronisé il y a %n h', 'Synchronisé il y a %n h')),
 'Last synced %n day(s) ago': (
     ('Last synced %n day ago', 'Last synced %n days ago'),
     ('Synchronisé il y a %n jour', 'Synchronisé il y a %n jours')),
}
