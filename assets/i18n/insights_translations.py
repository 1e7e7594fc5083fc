# SPDX-License-Identifier: GPL-3.0-or-later
"""French for the Insights screen (qml/insights, app/client/insights) and its card on Today.
fill_translations.py merges these."""

FR_INSIGHTS = {
 'Insights': 'Aperçu',
 'Your last 12 weeks': 'Vos 12 dernières semaines',
 'Encounters by place, caseload by stage, wellbeing and stress':
     'Rencontres par lieu, suivis par étape, bien-être et stress',
 'Insights: your last 12 weeks as charts': 'Aperçu : vos 12 dernières semaines en graphiques',
 '%1: %2': '%1 : %2',
 '%1 %2': '%1 %2',
 'Your last 12 weeks, from your own records on this phone.':
     'Vos 12 dernières semaines, d’après vos propres notes sur ce téléphone.',
 'Log encounters and your weeks appear here': 'Notez vos rencontres et vos semaines apparaîtront ici',
 'Once you log encounters, add participants or rate how you are in the diary, this page shows your encounters per week by place, your caseload by stage, and your wellbeing and stress over the last 12 weeks.':
     'Dès que vous notez des rencontres, ajoutez des participants ou dites comment vous allez dans le journal, cette page montre vos rencontres par semaine et par lieu, vos suivis par étape, et votre bien-être et votre stress sur les 12 dernières semaines.',
 'Encounters per week': 'Rencontres par semaine',
 'No encounters in these 12 weeks. Each encounter you log appears in its week.':
     'Aucune rencontre ces 12 semaines. Chaque rencontre notée apparaît dans sa semaine.',
 'Encounters per week by place': 'Rencontres par semaine et par lieu',
 'Caseload by stage': 'Suivis par étape',
 'No participants yet. Each person you add appears in their stage.':
     'Aucun participant pour l’instant. Chaque personne ajoutée apparaît dans son étape.',
 'Wellbeing and stress': 'Bien-être et stress',
 'No ratings in these 12 weeks. Rate your wellbeing and stress in a diary entry and they appear here.':
     'Aucune note ces 12 semaines. Notez votre bien-être et votre stress dans une entrée du journal et ils apparaîtront ici.',
 'Wellbeing and stress from your diary': 'Bien-être et stress d’après votre journal',
 'Wellbeing (5: good)': 'Bien-être (5 : bon)',
 'Stress (5: overwhelmed)': 'Stress (5 : débordé)',
 'Self-care': 'Prendre soin de soi',
 # The figures in words, for screen readers.
 'no rating': 'pas de note',
 'none yet': 'aucune pour l’instant',
 'week of %1: %2 (%3)': 'semaine du %1 : %2 (%3)',
 'week of %1: none': 'semaine du %1 : aucune',
 'Encounters per week, last %1 weeks, %2 in all: %3.':
     'Rencontres par semaine, %1 dernières semaines, %2 au total : %3.',
 'Caseload by stage: %1. Total: %2.': 'Suivis par étape : %1. Total : %2.',
 'week of %1: wellbeing %2, stress %3': 'semaine du %1 : bien-être %2, stress %3',
 'Wellbeing and stress, 1 to 5, weekly averages of %1 rated diary entries: %2.':
     'Bien-être et stress, de 1 à 5, moyennes par semaine de %1 entrées notées du journal : %2.',
 'Self-care noted on: %1.': 'Prendre soin de soi, noté le : %1.',
}
