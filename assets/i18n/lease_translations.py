# SPDX-License-Identifier: GPL-3.0-or-later
"""French for the "Check in" screen of a phone past its organisation's offline lease
(qml/lease, app/client/lease). fill_translations.py merges these."""

FR_LEASE = {
 'Check in': 'Se signaler',
 'Check in now': 'Se signaler maintenant',
 'Checking in…': 'Connexion au serveur…',
 'Lock': 'Verrouiller',
 'Nothing on this phone is lost: your notes and unsent changes are kept.':
     'Rien n’est perdu sur ce téléphone : vos notes et les modifications pas encore envoyées sont gardées.',
 'This phone is offline: connect to the internet and try again. Nothing on this phone is lost.':
     'Ce téléphone est hors ligne : connectez-vous à internet et réessayez. Rien n’est perdu sur ce téléphone.',
 'The server could not be reached: %1 Nothing on this phone is lost.':
     'Le serveur n’a pas pu être joint : %1 Rien n’est perdu sur ce téléphone.',
}

# Plural forms: (English singular, English plural), (French singular, French plural).
PLURALS_LEASE = {
 'Your organisation asks this phone to reach its server at least every %n day(s). It has not done so for longer, so your notes stay hidden until it checks in.': (
     ('Your organisation asks this phone to reach its server at least once a day. It has not done so for longer, so your notes stay hidden until it checks in.',
      'Your organisation asks this phone to reach its server at least every %n days. It has not done so for longer, so your notes stay hidden until it checks in.'),
     ('Votre organisation demande à ce téléphone de joindre son serveur au moins une fois par jour. Il ne l’a pas fait depuis plus longtemps : vos notes restent cachées jusqu’à ce qu’il se signale.',
      'Votre organisation demande à ce téléphone de joindre son serveur au moins tous les %n jours. Il ne l’a pas fait depuis plus longtemps : vos notes restent cachées jusqu’à ce qu’il se signale.')),
}
