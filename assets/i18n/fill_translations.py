#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills assets/i18n/waypoint_fr.ts (French) and waypoint_en.ts (English plural forms) after
scripts/update-translations. Every message gets a finished translation; the script fails if a
source string has no French text, so a new string cannot ship untranslated."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent

FR = {
 'Search by pseudonym': 'Chercher par pseudonyme',
 'Search the caseload': 'Chercher dans le suivi',
 'No one matches': 'Personne ne correspond',
 'No participants yet': 'Aucun participant pour l’instant',
 'Try another pseudonym or clear the stage filter.': 'Essayez un autre pseudonyme ou retirez le filtre d’étape.',
 'Add the people you support with a pseudonym or initials.': 'Ajoutez les personnes que vous accompagnez avec un pseudonyme ou des initiales.',
 'Add participant': 'Ajouter un participant',
 'Today': 'Aujourd’hui',
 'Tomorrow': 'Demain',
 'In 3 days': 'Dans 3 jours',
 'In a week': 'Dans une semaine',
 'In 2 weeks': 'Dans 2 semaines',
 'Yesterday': 'Hier',
 'A week ago': 'Il y a une semaine',
 '%1, date': '%1, date',
 'Date': 'Date',
 'Diary entry': 'Entrée du journal',
 'New diary entry': 'Nouvelle entrée du journal',
 'Save': 'Enregistrer',
 'Private: only you can read this': 'Privée : vous seul pouvez la lire',
 'Share this entry with my supervisor': 'Partager cette entrée avec mon superviseur',
 'Your unsaved draft was restored.': 'Votre brouillon non enregistré a été restauré.',
 'Your entry': 'Votre entrée',
 'Write freely, or use the prompts below': 'Écrivez librement, ou servez-vous des questions ci-dessous',
 'Diary text': 'Texte du journal',
 'Guided prompts (skip any)': 'Questions guidées (facultatives)',
 'What happened?': 'Que s’est-il passé ?',
 'How did I feel?': 'Comment je me suis senti ?',
 'What went well, or not?': 'Qu’est-ce qui a marché, ou pas ?',
 'What did I learn?': 'Qu’est-ce que j’ai appris ?',
 'What will I do next?': 'Que vais-je faire ensuite ?',
 'How are you?': 'Comment allez-vous ?',
 'Wellbeing': 'Bien-être',
 'Low': 'Bas',
 'Good': 'Bon',
 'Stress': 'Stress',
 'Calm': 'Calme',
 'Overwhelmed': 'Débordé',
 'Self-care I did': 'Ce que j’ai fait pour prendre soin de moi',
 'Took a break': 'Pris une pause',
 'Talked it through': 'En ai parlé',
 'Time outside': 'Du temps dehors',
 'Exercise': 'Exercice',
 'Rest': 'Repos',
 'Something I enjoy': 'Quelque chose que j’aime',
 'Themes': 'Thèmes',
 'Save entry': 'Enregistrer l’entrée',
 'shared with supervisor': 'partagée avec le superviseur',
 'private': 'privée',
 'Your diary is empty': 'Votre journal est vide',
 'Write about your day: what happened, how you felt, what you learned. Entries are private unless you share one.': 'Écrivez sur votre journée : ce qui s’est passé, ce que vous avez ressenti, ce que vous avez appris. Les entrées sont privées, sauf celles que vous partagez.',
 "Waypoint's encrypted file is missing from this phone.": 'Le fichier chiffré de Waypoint est introuvable sur ce téléphone.',
 "Waypoint's folder on this phone still holds an old encrypted file. Remove it, or set up Waypoint in another folder.": 'Le dossier de Waypoint sur ce téléphone contient encore un ancien fichier chiffré. Supprimez-le, ou installez Waypoint dans un autre dossier.',
 'Unfinished drafts': 'Brouillons à terminer',
 'Resume draft: %1, %2': 'Reprendre le brouillon : %1, %2',
 'Discard draft: %1': 'Supprimer le brouillon : %1',
 'Discard this draft?': 'Supprimer ce brouillon ?',
 '“%1” will be gone for good.': '« %1 » sera définitivement perdu.',
 'Keep': 'Garder',
 'Discard': 'Supprimer',
 'No one chosen yet': 'Personne n’est encore choisi',
 'An entry with no text yet': 'Une entrée encore sans texte',
 '%1 with %2': '%1 avec %2',
 'No pseudonym yet': 'Pas encore de pseudonyme',
 'Use a date like %1.': 'Utilisez une date comme %1.',
 'New encounter': 'Nouvelle rencontre',
 'Who': 'Qui',
 'Unnamed / brief contact': 'Sans nom / contact bref',
 'Someone else? Type a pseudonym': 'Quelqu’un d’autre ? Tapez un pseudonyme',
 'Find a participant': 'Trouver un participant',
 'Where': 'Où',
 'Needs addressed': 'Besoins abordés',
 'Harm-reduction supplies given': 'Matériel de réduction des risques remis',
 'How long': 'Durée',
 '%1 min': '%1 min',
 'Note': 'Note',
 'A few words (optional)': 'Quelques mots (facultatif)',
 'Stage after this encounter': 'Étape après cette rencontre',
 'Next step': 'Prochaine étape',
 'e.g. Go with them to the housing office': 'ex. L’accompagner au service logement',
 'Follow up': 'Suivi',
 'Referrals, advocacy, obstacles': 'Orientations, plaidoyer, obstacles',
 'Referred to': 'Orienté vers',
 'Advocated with': 'Plaidoyer auprès de',
 'Obstacles met at': 'Obstacles rencontrés auprès de',
 'Safety concern': 'Inquiétude pour la sécurité',
 'Save encounter': 'Enregistrer la rencontre',
 'Welcome to Waypoint': 'Bienvenue dans Waypoint',
 'A notebook for your peer work: the people you support, your encounters, your diary and your supervision.': 'Un carnet pour votre travail de pair : les personnes que vous accompagnez, vos rencontres, votre journal et votre supervision.',
 'What it keeps, and who can see it': 'Ce qu’il garde, et qui peut le voir',
 'Everything stays on this phone, locked with your PIN. Without it the file is unreadable, even if the phone is lost or taken.': 'Tout reste sur ce téléphone, verrouillé par votre code. Sans lui, le fichier est illisible, même si le téléphone est perdu ou pris.',
 'People you support are recorded by a pseudonym or initials, never a full name.': 'Les personnes accompagnées sont notées par un pseudonyme ou des initiales, jamais un nom complet.',
 'Your diary is private. Your supervisor sees an entry only if you switch on “Share” for that entry.': 'Votre journal est privé. Votre superviseur ne voit une entrée que si vous activez « Partager » pour cette entrée.',
 'Supervision notes are seen by you and your supervisor.': 'Les notes de supervision sont vues par vous et votre superviseur.',
 'It works with no signal. Nothing leaves this phone until a device is enrolled for sync, and then only encrypted.': 'Il fonctionne sans réseau. Rien ne quitte ce téléphone tant qu’il n’est pas inscrit pour la synchronisation, et alors seulement chiffré.',
 'Choose a PIN': 'Choisissez un code',
 'At least 6 digits, or a passphrase. There is no way to recover it: after 10 wrong tries everything on this phone is erased.': 'Au moins 6 chiffres, ou une phrase secrète. Impossible de le récupérer : après 10 essais erronés, tout est effacé de ce téléphone.',
 'Passphrase': 'Phrase secrète',
 'PIN': 'Code',
 'New PIN or passphrase': 'Nouveau code ou phrase secrète',
 'Type it again': 'Tapez-le à nouveau',
 'Confirm PIN or passphrase': 'Confirmer le code ou la phrase secrète',
 'Use a passphrase instead of digits': 'Utiliser une phrase secrète plutôt que des chiffres',
 'Setting up…': 'Préparation…',
 'Create PIN and start': 'Créer le code et commencer',
 'Back': 'Retour',
 'Caseload': 'Suivis',
 'Diary': 'Journal',
 'Supervision': 'Supervision',
 'Search': 'Chercher',
 'Search everything': 'Tout chercher',
 'Hide': 'Masquer',
 'Quick hide: cover the screen and lock': 'Masquage rapide : couvrir l’écran et verrouiller',
 'Settings': 'Réglages',
 'Notes': 'Notes',
 'Waypoint': 'Waypoint',
 'No notes': 'Aucune note',
 'Continue': 'Continuer',
 'New participant': 'Nouveau participant',
 'Pseudonym or initials': 'Pseudonyme ou initiales',
 'e.g. JD or “Blue jacket”': 'ex. JD ou « Veste bleue »',
 'Never a full name: a code or initials you will recognise.': 'Jamais un nom complet : un code ou des initiales que vous reconnaîtrez.',
 'Stage': 'Étape',
 'Consent': 'Consentement',
 'What they agreed to, in your words': 'Ce qu’il ou elle a accepté, avec vos mots',
 'Consent scope': 'Portée du consentement',
 'Encounter': 'Rencontre',
 'Recovery is not a straight line: moving back a stage is normal.': 'Le rétablissement n’est pas une ligne droite : revenir à une étape est normal.',
 'Goals': 'Objectifs',
 'No goals yet. Goals belong to the working partnership: set them together.': 'Pas encore d’objectifs. Les objectifs font partie du partenariat : fixez-les ensemble.',
 'A goal you agreed together': 'Un objectif convenu ensemble',
 'New goal': 'Nouvel objectif',
 'Add': 'Ajouter',
 'Add goal': 'Ajouter l’objectif',
 'Consent given today': 'Consentement donné aujourd’hui',
 'Record that consent was withdrawn today': 'Noter que le consentement a été retiré aujourd’hui',
 'Encounters': 'Rencontres',
 'No encounters recorded with %1 yet.': 'Aucune rencontre notée avec %1 pour l’instant.',
 'Record withdrawal of consent': 'Noter le retrait du consentement',
 'OK': 'OK',
 'Delete last digit': 'Effacer le dernier chiffre',
 'Unlock': 'Déverrouiller',
 '%1: %2 of 5': '%1 : %2 sur 5',
 'Removed participant': 'Participant supprimé',
 'Supervision, %1': 'Supervision, %1',
 'Participants': 'Participants',
 'Diary entries': 'Entrées du journal',
 'Supervision notes': 'Notes de supervision',
 'Comments': 'Commentaires',
 'Training': 'Formation',
 '%1, %2': '%1, %2',
 'Overdue: %1': 'En retard : %1',
 'Follow up: %1': 'Suivi : %1',
 'No contact recorded yet': 'Aucun contact noté pour l’instant',
 'Last contact: %1': 'Dernier contact : %1',
 'Untitled entry': 'Entrée sans titre',
 'Due: %1': 'Échéance : %1',
 'Nothing found': 'Rien trouvé',
 'Search your notes': 'Cherchez dans vos notes',
 'No participant, encounter, diary entry or supervision note contains “%1”.': 'Aucun participant, rencontre, entrée du journal ni note de supervision ne contient « %1 ».',
 'Participants, encounters, diary entries and supervision notes, all in one place. Everything is searched on this phone.': 'Participants, rencontres, entrées du journal et notes de supervision, au même endroit. La recherche se fait sur ce téléphone.',
 'Security': 'Sécurité',
 'Change PIN': 'Changer le code',
 'Lock automatically after': 'Verrouiller automatiquement après',
 'Waypoint also locks as soon as you leave the app.': 'Waypoint se verrouille aussi dès que vous quittez l’application.',
 'Show the quick-hide button': 'Afficher le bouton de masquage rapide',
 'Quick-hide covers the screen with a plain page and locks Waypoint at once.': 'Le masquage rapide couvre l’écran d’une page neutre et verrouille Waypoint aussitôt.',
 'Language and appearance': 'Langue et apparence',
 'Language': 'Langue',
 'Theme': 'Thème',
 'Like the system': 'Comme le système',
 'Light': 'Clair',
 'Dark': 'Sombre',
 'Text size': 'Taille du texte',
 'Normal': 'Normale',
 'Large': 'Grande',
 'Largest': 'Très grande',
 'Sync': 'Synchronisation',
 'About and privacy': 'À propos et confidentialité',
 'Waypoint %1. Everything you record is kept on this phone in an encrypted file, unlocked only by your PIN. Diary entries are private unless you share them one by one. Participants are recorded by pseudonym. When sync is set up, records leave the phone end-to-end encrypted: the server cannot read them.': 'Waypoint %1. Tout ce que vous notez est gardé sur ce téléphone dans un fichier chiffré, déverrouillé seulement par votre code. Les entrées du journal sont privées, sauf celles que vous partagez une à une. Les participants sont notés par pseudonyme. Quand la synchronisation est active, les données quittent le téléphone chiffrées de bout en bout : le serveur ne peut pas les lire.',
 'Lock now': 'Verrouiller maintenant',
 'Current PIN': 'Code actuel',
 'New PIN': 'Nouveau code',
 'New PIN again': 'Nouveau code, encore',
 'Confirm new PIN': 'Confirmer le nouveau code',
 'Changing…': 'Changement…',
 'Cancel': 'Annuler',
 'Shared with supervisor': 'Partagée avec le superviseur',
 'Private': 'Privée',
 'Supervision session': 'Séance de supervision',
 'New supervision session': 'Nouvelle séance de supervision',
 'Supervisor': 'Superviseur',
 'Name': 'Nom',
 'Topics': 'Sujets',
 'Remove topic %1': 'Retirer le sujet %1',
 'Add a topic': 'Ajouter un sujet',
 'New topic': 'Nouveau sujet',
 'Add topic': 'Ajouter le sujet',
 'Wellbeing check': 'Point sur le bien-être',
 'How am I doing?': 'Comment je vais ?',
 'Struggling': 'En difficulté',
 'Doing well': 'Ça va bien',
 'A few words about it (optional)': 'Quelques mots à ce sujet (facultatif)',
 'Wellbeing note': 'Note sur le bien-être',
 'Diary entries to discuss': 'Entrées du journal à discuter',
 'Entries you share with your supervisor can be linked here.': 'Les entrées partagées avec votre superviseur peuvent être liées ici.',
 'Action items': 'Actions',
 'Done: %1': 'Fait : %1',
 'Something agreed to do': 'Une chose convenue à faire',
 'New action item': 'Nouvelle action',
 'Who does it': 'Qui s’en charge',
 'Due': 'Échéance',
 'Add action item': 'Ajouter l’action',
 'What we talked about': 'Ce dont nous avons parlé',
 'Save session': 'Enregistrer la séance',
 'No supervision sessions yet': 'Aucune séance de supervision pour l’instant',
 'Note the topics, how you are doing, and what you agreed to do next.': 'Notez les sujets, comment vous allez, et ce que vous avez convenu de faire ensuite.',
 'Follow-ups due': 'Suivis à faire',
 'Nothing due. Follow-up dates you set on an encounter appear here.': 'Rien à faire. Les dates de suivi fixées lors d’une rencontre apparaissent ici.',
 'Open action items': 'Actions en cours',
 'No open action items from supervision.': 'Aucune action en cours issue de la supervision.',
 'Mark done: %1': 'Marquer comme fait : %1',
 'Recent encounters': 'Rencontres récentes',
 'No encounters yet. Tap “New encounter” after you meet someone.': 'Aucune rencontre pour l’instant. Touchez « Nouvelle rencontre » après avoir rencontré quelqu’un.',
 'Waypoint is locked': 'Waypoint est verrouillé',
 'Enter your passphrase': 'Saisissez votre phrase secrète',
 'Enter your PIN': 'Saisissez votre code',
 'I use a passphrase': 'J’utilise une phrase secrète',
 'Give the participant a pseudonym or initials.': 'Donnez au participant un pseudonyme ou des initiales.',
 'Record the date consent was given or withdrawn.': 'Notez la date à laquelle le consentement a été donné ou retiré.',
 'The current stage must be the last one in the stage history.': 'L’étape actuelle doit être la dernière de l’historique.',
 'A goal needs a description.': 'Un objectif a besoin d’une description.',
 "A goal's target date cannot be before the date it was set.": 'La date visée d’un objectif ne peut pas précéder la date où il a été fixé.',
 'Record when the encounter happened.': 'Notez quand la rencontre a eu lieu.',
 'Duration must be between 0 minutes and 24 hours.': 'La durée doit être comprise entre 0 minute et 24 heures.',
 'The follow-up date cannot be before the encounter.': 'La date de suivi ne peut pas précéder la rencontre.',
 'A stage can only be recorded for a named participant.': 'Une étape ne peut être notée que pour un participant identifié.',
 'Write something, or answer at least one prompt.': 'Écrivez quelque chose, ou répondez à au moins une question.',
 'Record when the entry was written.': 'Notez quand l’entrée a été écrite.',
 'Record the date of the supervision session.': 'Notez la date de la séance de supervision.',
 'An action item needs a description.': 'Une action a besoin d’une description.',
 'A comment belongs to a diary entry.': 'Un commentaire se rattache à une entrée du journal.',
 'A comment cannot be empty.': 'Un commentaire ne peut pas être vide.',
 'Name the course or training.': 'Indiquez le cours ou la formation.',
 'Record when the training was completed.': 'Notez quand la formation a été terminée.',
 'The expiry date must be after the completion date.': 'La date d’expiration doit suivre la date de fin de formation.',
 '%1 is too long (%2 characters, at most %3).': '%1 : texte trop long (%2 caractères, %3 au plus).',
 '%1 has too many items (%2, at most %3).': '%1 : trop d’éléments (%2, %3 au plus).',
 '%1 must be between 1 and 5.': '%1 : choisissez une valeur de 1 à 5.',
 'The field %1 has a value this version does not understand.': 'Le champ « %1 » contient une valeur que cette version ne comprend pas.',
 'Naloxone': 'Naloxone',
 'Sterile injecting equipment': 'Matériel d’injection stérile',
 'Safer smoking kit': 'Kit d’inhalation à moindre risque',
 'Fentanyl test strips': 'Bandelettes de test fentanyl',
 'Sharps bin': 'Collecteur d’aiguilles',
 'Condoms': 'Préservatifs',
 'Wound care': 'Soins des plaies',
 'This record could not be opened.': 'Cet enregistrement n’a pas pu être ouvert.',
 'Some fields need a look: see the messages next to them.': 'Certains champs sont à revoir : voyez les messages à côté.',
 'The draft could not be kept: %1': 'Le brouillon n’a pas pu être gardé : %1',
 'Choose who you met, or “Unnamed / brief contact”.': 'Choisissez qui vous avez rencontré, ou « Sans nom / contact bref ».',
 'That participant no longer exists.': 'Ce participant n’existe plus.',
 'Consent not yet asked.': 'Consentement pas encore demandé.',
 'Consent given on %1.': 'Consentement donné le %1.',
 'Consent given on %1: %2': 'Consentement donné le %1 : %2',
 'Consent withdrawn on %1.': 'Consentement retiré le %1.',
 'This participant could not be opened.': 'Ce participant n’a pas pu être ouvert.',
 'After too many wrong PINs the keys on this phone were destroyed and its records cannot be read. Set up Waypoint again.': 'Après trop de codes erronés, les clés de ce téléphone ont été détruites et ses données sont illisibles. Configurez Waypoint à nouveau.',
 'Choose something harder to guess than one repeated character.': 'Choisissez quelque chose de plus difficile à deviner qu’un seul caractère répété.',
 'The two entries are different. Type the same PIN twice.': 'Les deux saisies diffèrent. Tapez deux fois le même code.',
 'Wrong PIN.': 'Code erroné.',
 'Too many wrong PINs. Wait, then try again.': 'Trop de codes erronés. Patientez, puis réessayez.',
 'The encrypted file on this phone is damaged and cannot be opened.': 'Le fichier chiffré de ce téléphone est endommagé et ne peut pas être ouvert.',
 'These records were written by a newer Waypoint. Update the app to open them.': 'Ces données ont été écrites par une version plus récente de Waypoint. Mettez l’application à jour pour les ouvrir.',
 'Waypoint is already open in another window.': 'Waypoint est déjà ouvert dans une autre fenêtre.',
 'The phone is out of storage space. Free some space and try again.': 'Le téléphone n’a plus d’espace de stockage. Libérez de la place et réessayez.',
 "The phone's secure key storage is not available.": 'Le stockage sécurisé des clés du téléphone n’est pas disponible.',
 'Waypoint could not open its records (%1).': 'Waypoint n’a pas pu ouvrir ses données (%1).',
 'After too many wrong PINs the keys on this phone were destroyed. Set up Waypoint again.': 'Après trop de codes erronés, les clés de ce téléphone ont été détruites. Configurez Waypoint à nouveau.',
 'The current PIN is wrong.': 'Le code actuel est erroné.',
 'Not enrolled': 'Non inscrit',
 'Up to date': 'À jour',
 'Syncing…': 'Synchronisation…',
 'Offline: changes wait on this phone': 'Hors ligne : les changements attendent sur ce téléphone',
 'Sync failed': 'Échec de la synchronisation',
 # Vocabulary
 'Creating a safe place': 'Créer un lieu sûr',
 'Working partnership': 'Partenariat de travail',
 'Stepping out': 'Prendre du recul',
 'Street outreach': 'Maraude',
 'Shelter': 'Hébergement d’urgence',
 'Hospital': 'Hôpital',
 'Court': 'Tribunal',
 'Drop-in': 'Accueil de jour',
 'Phone / text': 'Téléphone / SMS',
 'Accompanied appointment': 'Rendez-vous accompagné',
 'Other': 'Autre',
 'Housing': 'Logement',
 'Substance use / harm reduction': 'Consommation / réduction des risques',
 'Mental health': 'Santé mentale',
 'Physical health': 'Santé physique',
 'Income and benefits': 'Revenus et prestations',
 'Legal / justice': 'Droit / justice',
 'Family and relationships': 'Famille et relations',
 'Practical needs': 'Besoins pratiques',
 'Housing services': 'Services du logement',
 'Benefits office': 'Caisse des prestations',
 'Health services': 'Services de santé',
 'Mental health services': 'Services de santé mentale',
 'Substance use treatment': 'Soins en addictologie',
 'Justice services': 'Services de la justice',
 'Other service': 'Autre service',
 'Boundaries': 'Limites',
 'Using lived experience / self-disclosure': 'Savoir expérientiel / dévoilement de soi',
 'Stigma': 'Stigmatisation',
 'Organisational culture': 'Culture organisationnelle',
 'Personal bias': 'Préjugés personnels',
 'Systemic obstacles': 'Obstacles systémiques',
 'Self-care': 'Prendre soin de soi',
 'Training and development': 'Formation et développement',
 'Relationships with professionals': 'Relations avec les professionnels',
 'Wins': 'Réussites',
 'Open': 'Ouvert',
 'In progress': 'En cours',
 'Achieved': 'Atteint',
 'Set aside': 'Mis de côté',
 'Not yet asked': 'Pas encore demandé',
 'Given': 'Donné',
 'Withdrawn': 'Retiré',
 'Worker': 'Travailleur pair',
 'Both': 'Les deux',
 'Participant': 'Participant',
 'Supervision note': 'Note de supervision',
 'Comment': 'Commentaire',
 'Training record': 'Formation suivie',
 # Sync status during a resync (the server compacted its log past this phone's cursor).
 'Catching up with the server…': 'Remise à jour depuis le serveur…',
 'The server tidied up while this phone was away: Waypoint is fetching everything again (%1 so far). Changes waiting on this phone are kept and sent.':
     'Le serveur a fait du tri pendant l’absence de ce téléphone : Waypoint récupère tout à nouveau (%1 pour l’instant). Les modifications en attente sur ce téléphone sont gardées et envoyées.',
 # record fields and vocabularies
 'Stage note': 'Note d’étape',
 'Goal': 'Objectif',
 'Goal status': 'État de l’objectif',
 'Set on': 'Fixé le',
 'Target date': 'Date visée',
 'Closed on': 'Clos le',
 'Consent date': 'Date du consentement',
 'Pseudonym': 'Pseudonyme',
 'Stage history': 'Historique des étapes',
 'Last contact': 'Dernier contact',
 'Follow-up date': 'Date de suivi',
 'Created': 'Créé le',
 'Service': 'Service',
 'When': 'Quand',
 'Duration': 'Durée',
 'Place': 'Lieu',
 'Supplies': 'Matériel remis',
 'Referrals': 'Orientations',
 'Advocacy': 'Plaidoyer',
 'Obstacles': 'Obstacles',
 'Stage after the encounter': 'Étape après la rencontre',
 'Written': 'Écrit le',
 'Text': 'Texte',
 'What happened': 'Ce qui s’est passé',
 'How I felt': 'Ce que j’ai ressenti',
 'What went well, or not': 'Ce qui a marché, ou pas',
 'What I learned': 'Ce que j’ai appris',
 'What I will do next': 'Ce que je vais faire ensuite',
 'Shared with the supervisor': 'Partagée avec le superviseur',
 'Action item': 'Action',
 'Done': 'Fait',
 'Linked diary entries': 'Entrées du journal liées',
 'Development goals': 'Objectifs de développement',
 'Author': 'Auteur',
 'Acknowledged': 'Lu le',
 'Course': 'Formation',
 'Completed on': 'Terminée le',
 'Certificate': 'Certificat',
 'Expires on': 'Expire le',
}

# English wording that differs from the source text (which the core also uses untranslated).
EN = {
 '%1 has too many items (%2, at most %3).': '%1: too many items (%2, at most %3).',
 'The field %1 has a value this version does not understand.': 'The field “%1” has a value this version does not understand.',
}

# Plural forms: (English singular, English plural), (French singular, French plural).
PLURALS = {
 '%n day(s) ago': (('%n day ago', '%n days ago'), ('il y a %n jour', 'il y a %n jours')),
 'In %n day(s)': (('In %n day', 'In %n days'), ('Dans %n jour', 'Dans %n jours')),
 '%n min': (('%n min', '%n min'), ('%n min', '%n min')),
 '%n second(s)': (('%n second', '%n seconds'), ('%n seconde', '%n secondes')),
 '%n minute(s)': (('%n minute', '%n minutes'), ('%n minute', '%n minutes')),
 '%n open action(s)': (('%n open action', '%n open actions'), ('%n action en cours', '%n actions en cours')),
 '%n digit(s) entered': (('%n digit entered', '%n digits entered'), ('%n chiffre saisi', '%n chiffres saisis')),
 'Too many wrong PINs. Try again in %n second(s).': (('Too many wrong PINs. Try again in %n second.', 'Too many wrong PINs. Try again in %n seconds.'),
     ('Trop de codes erronés. Réessayez dans %n seconde.', 'Trop de codes erronés. Réessayez dans %n secondes.')),
 '%n attempt(s) left before everything on this phone is erased.': (('%n attempt left before everything on this phone is erased.', '%n attempts left before everything on this phone is erased.'),
     ('Encore %n essai avant que tout soit effacé de ce téléphone.', 'Encore %n essais avant que tout soit effacé de ce téléphone.')),
 'Use at least %n characters.': (('Use at least %n character.', 'Use at least %n characters.'), ('Utilisez au moins %n caractère.', 'Utilisez au moins %n caractères.')),
 'That is too long: at most %n characters.': (('That is too long: at most %n character.', 'That is too long: at most %n characters.'), ('C’est trop long : au plus %n caractère.', 'C’est trop long : au plus %n caractères.')),
}

# The sync screens' strings live in their own file (kept by the sync work).
from sync_translations import FR_SYNC, PLURALS_SYNC  # noqa: E402
FR.update(FR_SYNC)
PLURALS.update(PLURALS_SYNC)
# Scanning the enrolment QR code (qml/scan).
from scan_translations import FR_SCAN  # noqa: E402
FR.update(FR_SCAN)
# The vault's protection: keychain and new-PIN rules.
from security_translations import FR_SECURITY  # noqa: E402
FR.update(FR_SECURITY)
# PIN or passphrase at first run, and the notice about wrong PINs after unlocking.
from field_translations import FR_FIELD, PLURALS_FIELD  # noqa: E402
FR.update(FR_FIELD)
PLURALS.update(PLURALS_FIELD)
# Conflicts: a text changed on this phone and on another device (qml/conflicts).
from conflict_translations import FR_CONFLICTS, PLURALS_CONFLICTS  # noqa: E402
FR.update(FR_CONFLICTS)
PLURALS.update(PLURALS_CONFLICTS)
# The encounter's time, a participant added from encounter capture, full names, dates.
from forms_translations import FR_FORMS  # noqa: E402
FR.update(FR_FORMS)
# Rules shown before they are broken; who syncs from this device (qml/sync/IdentitySection).
from steady_screen_translations import FR_STEADY, PLURALS_STEADY  # noqa: E402
FR.update(FR_STEADY)
PLURALS.update(PLURALS_STEADY)

# The "Check in" screen of a phone past its organisation's offline lease.
from lease_translations import FR_LEASE, PLURALS_LEASE  # noqa: E402
FR.update(FR_LEASE)
PLURALS.update(PLURALS_LEASE)
# Supervisors' review marks and comments, and the worker's acknowledgement.
from review_translations import FR_REVIEW, PLURALS_REVIEW  # noqa: E402
FR.update(FR_REVIEW)
PLURALS.update(PLURALS_REVIEW)

from erasure_translations import FR_ERASURE, PLURALS_ERASURE  # noqa: E402
FR.update(FR_ERASURE)
PLURALS.update(PLURALS_ERASURE)

from edit_records_translations import FR_EDIT_RECORDS  # noqa: E402
FR.update(FR_EDIT_RECORDS)

# Sharing a diary entry with supervisors: who can read it.
from sharing_translations import FR_SHARING, PLURALS_SHARING  # noqa: E402
FR.update(FR_SHARING)
PLURALS.update(PLURALS_SHARING)

# Who the device is for, and renaming it (qml/sync/IdentitySection).
from whoami_translations import FR_WHOAMI  # noqa: E402
FR.update(FR_WHOAMI)
# Approval of a new device by an existing one (qml/sync/KeyApprovalSection, NewDevicesSection).
from approval_translations import FR_APPROVAL  # noqa: E402
FR.update(FR_APPROVAL)
# The Insights screen and its card on Today.
from insights_translations import FR_INSIGHTS  # noqa: E402
FR.update(FR_INSIGHTS)

# sync and enrolment
FR.update({
 'Everything stays on this phone. Once your organisation enrols it, your records are kept end-to-end encrypted on the server so your other devices can sync them.':
     'Tout reste sur ce téléphone. Une fois qu’il est inscrit par votre organisation, vos données sont gardées sur le serveur, chiffrées de bout en bout, pour que vos autres appareils puissent les synchroniser.',
 'The key backup on the server holds other keys than this device has.': 'La sauvegarde des clés sur le serveur contient d’autres clés que celles de cet appareil.',
 'Too many failed attempts: wait a minute, then try again.': 'Trop de tentatives échouées : attendez une minute, puis réessayez.',
 'The device is out of storage space.': 'L’appareil n’a plus d’espace de stockage.',
})


def fill(path, language):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter('message'):
        source = message.find('source').text
        translation = message.find('translation')
        translation.attrib.pop('type', None)
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        if message.get('numerus') == 'yes':
            if source not in PLURALS:
                missing.append(source)
                continue
            forms = PLURALS[source][0 if language == 'en' else 1]
            for form in forms:
                ET.SubElement(translation, 'numerusform').text = form
        elif language == 'en':
            translation.text = EN.get(source, source)
        elif source in FR:
            translation.text = FR[source]
        else:
            missing.append(source)
    if missing:
        sys.exit('untranslated in %s:\n  ' % path.name + '\n  '.join(missing))
    tree.write(path, encoding='utf-8', xml_declaration=True)


fill(HERE / 'waypoint_en.ts', 'en')
fill(HERE / 'waypoint_fr.ts', 'fr')
