# SPDX-License-Identifier: GPL-3.0-or-later
"""French for the encounter's time, adding a participant from encounter capture, the warning
about full names, dates as the locale writes them and the confirmation of a PIN change."""

FR_FORMS = {
 'When: %1': 'Quand : %1',
 'Now': 'Maintenant',
 '30 min ago': 'Il y a 30 min',
 '1 h ago': 'Il y a 1 h',
 '2 h ago': 'Il y a 2 h',
 'Other time\u2026': 'Autre heure\u2026',
 'What time was it?': 'À quelle heure\u00a0?',
 'Hour': 'Heure',
 'Minute': 'Minute',
 'That time has not come yet.': 'Cette heure n’est pas encore passée.',
 'Set time': 'Choisir cette heure',
 'That time is in the future: choose when the encounter took place.':
     'Cette heure est dans le futur\u00a0: choisissez l’heure de la rencontre.',
 'Add \u201c%1\u201d as a new participant': 'Ajouter «\u00a0%1\u00a0» comme nouveau participant',
 'This looks like a full name. Please use a pseudonym or initials instead.':
     'Cela ressemble à un nom complet. Utilisez plutôt un pseudonyme ou des initiales.',
 'Or type a date, like %1': 'Ou tapez une date, par exemple %1',
 'PIN changed. Use your new PIN from now on.':
     'Code modifié. Utilisez désormais votre nouveau code.',
}
