<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>ApproveDevicePage</name>
    <message>
        <source>Approve a device</source>
        <translation>Approuver un appareil</translation>
    </message>
    <message>
        <source>%1 · enrolled %2</source>
        <translation>%1 · inscrit le %2</translation>
    </message>
    <message>
        <source>Enrolled %1</source>
        <translation>Inscrit le %1</translation>
    </message>
    <message>
        <source>Approve only a device you hold now. It then receives your keys and can read your records.</source>
        <translation>N’approuvez qu’un appareil que vous avez en main. Il reçoit alors vos clés et peut lire vos fiches.</translation>
    </message>
    <message>
        <source>Type the six groups of numbers the new device shows</source>
        <translation>Saisissez les six groupes de chiffres affichés sur le nouvel appareil</translation>
    </message>
    <message>
        <source>Group %1 of 6</source>
        <translation>Groupe %1 sur 6</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Approbation…</translation>
    </message>
    <message>
        <source>Approve this device</source>
        <translation>Approuver cet appareil</translation>
    </message>
    <message>
        <source>Approved. The new device receives your keys at its next check and then shows your key fingerprint: it should read %1.</source>
        <translation>Approuvé. Le nouvel appareil reçoit vos clés à sa prochaine vérification puis affiche l’empreinte de vos clés : elle doit être %1.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
</context>
<context>
    <name>Caseload</name>
    <message>
        <source>Search by pseudonym</source>
        <translation>Chercher par pseudonyme</translation>
    </message>
    <message>
        <source>Search the caseload</source>
        <translation>Chercher dans le suivi</translation>
    </message>
    <message>
        <source>No one matches</source>
        <translation>Personne ne correspond</translation>
    </message>
    <message>
        <source>No participants yet</source>
        <translation>Aucun participant pour l’instant</translation>
    </message>
    <message>
        <source>Try another pseudonym or clear the stage filter.</source>
        <translation>Essayez un autre pseudonyme ou retirez le filtre d’étape.</translation>
    </message>
    <message>
        <source>Add the people you support with a pseudonym or initials.</source>
        <translation>Ajoutez les personnes que vous accompagnez avec un pseudonyme ou des initiales.</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Ajouter un participant</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>Check in</source>
        <translation>Se signaler</translation>
    </message>
    <message numerus="yes">
        <source>Your organisation asks this phone to reach its server at least every %n day(s). It has not done so for longer, so your notes stay hidden until it checks in.</source>
        <translation><numerusform>Votre organisation demande à ce téléphone de joindre son serveur au moins une fois par jour. Il ne l’a pas fait depuis plus longtemps : vos notes restent cachées jusqu’à ce qu’il se signale.</numerusform><numerusform>Votre organisation demande à ce téléphone de joindre son serveur au moins tous les %n jours. Il ne l’a pas fait depuis plus longtemps : vos notes restent cachées jusqu’à ce qu’il se signale.</numerusform></translation>
    </message>
    <message>
        <source>Nothing on this phone is lost: your notes and unsent changes are kept.</source>
        <translation>Rien n’est perdu sur ce téléphone : vos notes et les modifications pas encore envoyées sont gardées.</translation>
    </message>
    <message>
        <source>Checking in…</source>
        <translation>Connexion au serveur…</translation>
    </message>
    <message>
        <source>Check in now</source>
        <translation>Se signaler maintenant</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
</context>
<context>
    <name>CommentThread</name>
    <message>
        <source>Not acknowledged yet</source>
        <translation>Pas encore pris en compte</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Prendre en compte</translation>
    </message>
    <message>
        <source>Acknowledge the comment of %1</source>
        <translation>Prendre en compte le commentaire de %1</translation>
    </message>
</context>
<context>
    <name>CommentsCard</name>
    <message>
        <source>Comments on your entries</source>
        <translation>Commentaires sur vos entrées</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lire</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>Changed on another device too</source>
        <translation>Modifié aussi sur un autre appareil</translation>
    </message>
    <message>
        <source>This was edited on this phone and on another device before they synced. Both versions are kept until you choose.</source>
        <translation>Ceci a été modifié sur ce téléphone et sur un autre appareil avant leur synchronisation. Les deux versions sont gardées jusqu’à ce que vous choisissiez.</translation>
    </message>
    <message>
        <source>Compare and choose</source>
        <translation>Comparer et choisir</translation>
    </message>
    <message>
        <source>Compare both versions and choose</source>
        <translation>Comparer les deux versions et choisir</translation>
    </message>
</context>
<context>
    <name>ConflictVersion</name>
    <message>
        <source>shown now</source>
        <translation>affichée maintenant</translation>
    </message>
    <message>
        <source>%1 · shown now</source>
        <translation>%1 · affichée maintenant</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) were changed on this phone and on another device before they synced. Both versions are kept: keep one, or write one text from both.</source>
        <translation><numerusform>%n texte a été modifié sur ce téléphone et sur un autre appareil avant leur synchronisation. Les deux versions sont gardées : gardez-en une, ou écrivez un seul texte à partir des deux.</numerusform><numerusform>%n textes ont été modifiés sur ce téléphone et sur un autre appareil avant leur synchronisation. Les deux versions sont gardées : gardez-en une, ou écrivez un seul texte à partir des deux.</numerusform></translation>
    </message>
    <message>
        <source>No conflicts: this phone and your other devices agree.</source>
        <translation>Aucun conflit : ce téléphone et vos autres appareils sont d’accord.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>This phone</source>
        <translation>Ce téléphone</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Autre appareil</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <source>Keep this phone's version</source>
        <translation>Garder la version de ce téléphone</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Garder l’autre</translation>
    </message>
    <message>
        <source>Keep the other device's version</source>
        <translation>Garder la version de l’autre appareil</translation>
    </message>
    <message>
        <source>Merge both into one text</source>
        <translation>Fusionner les deux en un texte</translation>
    </message>
    <message>
        <source>Merged text: both versions, to edit into one</source>
        <translation>Texte fusionné : les deux versions, à réunir en une</translation>
    </message>
    <message>
        <source>Merged text</source>
        <translation>Texte fusionné</translation>
    </message>
    <message>
        <source>Save merged text</source>
        <translation>Enregistrer le texte fusionné</translation>
    </message>
</context>
<context>
    <name>DateChips</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Demain</translation>
    </message>
    <message>
        <source>In 3 days</source>
        <translation>Dans 3 jours</translation>
    </message>
    <message>
        <source>In a week</source>
        <translation>Dans une semaine</translation>
    </message>
    <message>
        <source>In 2 weeks</source>
        <translation>Dans 2 semaines</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>A week ago</source>
        <translation>Il y a une semaine</translation>
    </message>
    <message>
        <source>%1, date</source>
        <translation>%1, date</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Or type a date, like %1</source>
        <translation>Ou tapez une date, par exemple %1</translation>
    </message>
</context>
<context>
    <name>DiaryEditor</name>
    <message>
        <source>Diary entry</source>
        <translation>Entrée du journal</translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation>Nouvelle entrée du journal</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Share this entry with my supervisor</source>
        <translation>Partager cette entrée avec mon superviseur</translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation>Votre brouillon non enregistré a été restauré.</translation>
    </message>
    <message>
        <source>Your entry</source>
        <translation>Votre entrée</translation>
    </message>
    <message>
        <source>Write freely, or use the prompts below</source>
        <translation>Écrivez librement, ou servez-vous des questions ci-dessous</translation>
    </message>
    <message>
        <source>Diary text</source>
        <translation>Texte du journal</translation>
    </message>
    <message>
        <source>Guided prompts (skip any)</source>
        <translation>Questions guidées (facultatives)</translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation>Que s’est-il passé ?</translation>
    </message>
    <message>
        <source>How did I feel?</source>
        <translation>Comment je me suis senti ?</translation>
    </message>
    <message>
        <source>What went well, or not?</source>
        <translation>Qu’est-ce qui a marché, ou pas ?</translation>
    </message>
    <message>
        <source>What did I learn?</source>
        <translation>Qu’est-ce que j’ai appris ?</translation>
    </message>
    <message>
        <source>What will I do next?</source>
        <translation>Que vais-je faire ensuite ?</translation>
    </message>
    <message>
        <source>How are you?</source>
        <translation>Comment allez-vous ?</translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation>Bien-être</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Calme</translation>
    </message>
    <message>
        <source>Overwhelmed</source>
        <translation>Débordé</translation>
    </message>
    <message>
        <source>Self-care I did</source>
        <translation>Ce que j’ai fait pour prendre soin de moi</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation>Enregistrer l’entrée</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Supprimer l’entrée</translation>
    </message>
    <message>
        <source>Delete this diary entry?</source>
        <translation>Supprimer cette entrée du journal ?</translation>
    </message>
    <message>
        <source>Your entry of %1 will be deleted from this phone and, after sync, from your other devices.</source>
        <translation>Votre entrée du %1 sera supprimée de ce téléphone et, après la synchronisation, de vos autres appareils.</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Partagée</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privée</translation>
    </message>
    <message>
        <source>Who can read it: %1</source>
        <translation>Qui peut la lire : %1</translation>
    </message>
    <message>
        <source>Share this entry (no supervisor is assigned to you)</source>
        <translation>Partager cette entrée (aucun superviseur ne vous est attribué)</translation>
    </message>
</context>
<context>
    <name>DiaryList</name>
    <message>
        <source>Your diary is empty</source>
        <translation>Votre journal est vide</translation>
    </message>
    <message>
        <source>Write about your day: what happened, how you felt, what you learned. Entries are private unless you share one.</source>
        <translation>Écrivez sur votre journée : ce qui s’est passé, ce que vous avez ressenti, ce que vous avez appris. Les entrées sont privées, sauf celles que vous partagez.</translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation>Nouvelle entrée du journal</translation>
    </message>
    <message>
        <source>who can read it: %1</source>
        <translation>qui peut la lire : %1</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Use a date like %1.</source>
        <translation>Utilisez une date comme %1.</translation>
    </message>
</context>
<context>
    <name>EncounterCapture</name>
    <message>
        <source>New encounter</source>
        <translation>Nouvelle rencontre</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation>Votre brouillon non enregistré a été restauré.</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Unnamed / brief contact</source>
        <translation>Sans nom / contact bref</translation>
    </message>
    <message>
        <source>Someone else? Type a pseudonym</source>
        <translation>Quelqu’un d’autre ? Tapez un pseudonyme</translation>
    </message>
    <message>
        <source>Find a participant</source>
        <translation>Trouver un participant</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Needs addressed</source>
        <translation>Besoins abordés</translation>
    </message>
    <message>
        <source>Harm-reduction supplies given</source>
        <translation>Matériel de réduction des risques remis</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>A few words (optional)</source>
        <translation>Quelques mots (facultatif)</translation>
    </message>
    <message>
        <source>Stage after this encounter</source>
        <translation>Étape après cette rencontre</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Prochaine étape</translation>
    </message>
    <message>
        <source>e.g. Go with them to the housing office</source>
        <translation>ex. L’accompagner au service logement</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Referrals, advocacy, obstacles</source>
        <translation>Orientations, plaidoyer, obstacles</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Orienté vers</translation>
    </message>
    <message>
        <source>Advocated with</source>
        <translation>Plaidoyer auprès de</translation>
    </message>
    <message>
        <source>Obstacles met at</source>
        <translation>Obstacles rencontrés auprès de</translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Inquiétude pour la sécurité</translation>
    </message>
    <message>
        <source>Save encounter</source>
        <translation>Enregistrer la rencontre</translation>
    </message>
    <message>
        <source>Add “%1” as a new participant</source>
        <translation>Ajouter « %1 » comme nouveau participant</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>Quand : %1</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>30 min ago</source>
        <translation>Il y a 30 min</translation>
    </message>
    <message>
        <source>1 h ago</source>
        <translation>Il y a 1 h</translation>
    </message>
    <message>
        <source>2 h ago</source>
        <translation>Il y a 2 h</translation>
    </message>
    <message>
        <source>Other time…</source>
        <translation>Autre heure…</translation>
    </message>
    <message>
        <source>an unnamed contact</source>
        <translation>un contact sans nom</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Rencontre</translation>
    </message>
    <message>
        <source>Someone else wrote this encounter: you can read it, not change it.</source>
        <translation>Quelqu’un d’autre a écrit cette rencontre : vous pouvez la lire, pas la modifier.</translation>
    </message>
    <message>
        <source>Delete encounter</source>
        <translation>Supprimer la rencontre</translation>
    </message>
    <message>
        <source>Delete this encounter?</source>
        <translation>Supprimer cette rencontre ?</translation>
    </message>
    <message>
        <source>The encounter with %1 (%2) will be deleted from this phone and, after sync, from your other devices.</source>
        <translation>La rencontre avec %1 (%2) sera supprimée de ce téléphone et, après la synchronisation, de vos autres appareils.</translation>
    </message>
    <message>
        <source>The encounter of %1 will be deleted from this phone and, after sync, from your other devices.</source>
        <translation>La rencontre du %1 sera supprimée de ce téléphone et, après la synchronisation, de vos autres appareils.</translation>
    </message>
</context>
<context>
    <name>EnrolmentSection</name>
    <message>
        <source>Your administrator gives you a server address and a one-time code (valid for an hour).</source>
        <translation>Votre administrateur vous donne une adresse de serveur et un code à usage unique (valable une heure).</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Code d’inscription</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>Paste the code or the QR code's text</source>
        <translation>Coller le code ou le texte du QR code</translation>
    </message>
    <message>
        <source>Scan QR code</source>
        <translation>Scanner le code QR</translation>
    </message>
    <message>
        <source>Scan the enrolment QR code with the camera</source>
        <translation>Scanner le code QR d’inscription avec la caméra</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Inscrire cet appareil</translation>
    </message>
    <message>
        <source>Restore my keys</source>
        <translation>Récupérer mes clés</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel enrolment</source>
        <translation>Annuler l’inscription</translation>
    </message>
    <message>
        <source>This is your first device. Waypoint now makes your keys and a recovery key: the only way to read your records on a new phone. Have a pen and paper ready; the key is shown once.</source>
        <translation>C’est votre premier appareil. Waypoint crée maintenant vos clés et une clé de récupération : le seul moyen de lire vos données sur un nouveau téléphone. Préparez papier et crayon ; la clé n’est affichée qu’une fois.</translation>
    </message>
    <message>
        <source>You already use Waypoint on another device. Type the recovery key shown when you set it up, to bring your keys to this phone.</source>
        <translation>Vous utilisez déjà Waypoint sur un autre appareil. Tapez la clé de récupération affichée lors de sa configuration, pour retrouver vos clés sur ce téléphone.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Making your keys…</source>
        <translation>Création de vos clés…</translation>
    </message>
    <message>
        <source>Restoring your keys…</source>
        <translation>Restauration de vos clés…</translation>
    </message>
    <message>
        <source>Show my recovery key</source>
        <translation>Afficher ma clé de récupération</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Votre clé de récupération</translation>
    </message>
    <message>
        <source>Write this down; it is the only way to read your records on a new phone. Keep it somewhere safe, away from this phone. Waypoint shows it only now, and nobody can recover it for you.</source>
        <translation>Notez-la : c’est le seul moyen de lire vos données sur un nouveau téléphone. Gardez-la en lieu sûr, loin de ce téléphone. Waypoint ne l’affiche que maintenant, et personne ne peut la retrouver pour vous.</translation>
    </message>
    <message>
        <source>Group %1: %2</source>
        <translation>Groupe %1 : %2</translation>
    </message>
    <message>
        <source>The recovery key as a QR code</source>
        <translation>La clé de récupération en code QR</translation>
    </message>
    <message>
        <source>Show the groups</source>
        <translation>Afficher les groupes</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>Afficher le code QR</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Je l’ai notée</translation>
    </message>
    <message>
        <source>From what you wrote down, type group %1 of your recovery key.</source>
        <translation>D’après ce que vous avez noté, tapez le groupe %1 de votre clé de récupération.</translation>
    </message>
    <message>
        <source>Group %1 of the recovery key</source>
        <translation>Groupe %1 de la clé de récupération</translation>
    </message>
    <message>
        <source>Check and finish</source>
        <translation>Vérifier et terminer</translation>
    </message>
    <message>
        <source>Show the key again</source>
        <translation>Afficher de nouveau la clé</translation>
    </message>
    <message>
        <source>Nine groups of four letters and digits. Spaces, dashes and capitals do not matter.</source>
        <translation>Neuf groupes de quatre lettres et chiffres. Les espaces, les tirets et les majuscules ne comptent pas.</translation>
    </message>
    <message>
        <source>Back to waiting for approval</source>
        <translation>Revenir à l’attente d’approbation</translation>
    </message>
    <message>
        <source>Approve from another device instead</source>
        <translation>Approuver plutôt depuis un autre appareil</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Remove this?</source>
        <translation>Retirer ceci ?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>Retirer « %1 »</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>“%1” will be taken out.</source>
        <translation>« %1 » sera retiré.</translation>
    </message>
</context>
<context>
    <name>EntryFeedback</name>
    <message>
        <source>From your supervisor</source>
        <translation>De votre superviseur</translation>
    </message>
</context>
<context>
    <name>FailedChangesPage</name>
    <message>
        <source>Refused changes</source>
        <translation>Changements refusés</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n change(s). Nothing is lost: each one is still saved on this phone as you typed it.</source>
        <translation><numerusform>Le serveur a refusé %n changement. Rien n’est perdu : il reste enregistré sur ce téléphone tel que vous l’avez saisi.</numerusform><numerusform>Le serveur a refusé %n changements. Rien n’est perdu : chacun reste enregistré sur ce téléphone tel que vous l’avez saisi.</numerusform></translation>
    </message>
    <message>
        <source>No refused changes. Everything waiting on this phone can be sent.</source>
        <translation>Aucun changement refusé. Tout ce qui attend sur ce téléphone peut être envoyé.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Send the refused changes again</source>
        <translation>Renvoyer les changements refusés</translation>
    </message>
    <message>
        <source>Try again after an update of Waypoint or of the server. If a change is refused again, ask your administrator.</source>
        <translation>Réessayez après une mise à jour de Waypoint ou du serveur. Si un changement est de nouveau refusé, adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>%1 (deleted): %2</source>
        <translation>%1 (suppression) : %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé : %1</translation>
    </message>
    <message>
        <source>Dismiss (keep it on this phone only)</source>
        <translation>Ignorer (le garder seulement sur ce téléphone)</translation>
    </message>
    <message>
        <source>Dismiss: keep %1 on this phone only</source>
        <translation>Ignorer : garder %1 seulement sur ce téléphone</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Stage note</source>
        <translation>Note d’étape</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Goal status</source>
        <translation>État de l’objectif</translation>
    </message>
    <message>
        <source>Set on</source>
        <translation>Fixé le</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Date visée</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Clos le</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Date du consentement</translation>
    </message>
    <message>
        <source>Consent scope</source>
        <translation>Portée du consentement</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonyme</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Historique des étapes</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Date de suivi</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Orienté vers</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Needs addressed</source>
        <translation>Besoins abordés</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>Matériel remis</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Orientations</translation>
    </message>
    <message>
        <source>Advocacy</source>
        <translation>Plaidoyer</translation>
    </message>
    <message>
        <source>Obstacles</source>
        <translation>Obstacles</translation>
    </message>
    <message>
        <source>Stage after the encounter</source>
        <translation>Étape après la rencontre</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Prochaine étape</translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation>Inquiétude pour la sécurité</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Écrit le</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>How I felt</source>
        <translation>Ce que j’ai ressenti</translation>
    </message>
    <message>
        <source>What went well, or not</source>
        <translation>Ce qui a marché, ou pas</translation>
    </message>
    <message>
        <source>What I learned</source>
        <translation>Ce que j’ai appris</translation>
    </message>
    <message>
        <source>What I will do next</source>
        <translation>Ce que je vais faire ensuite</translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation>Bien-être</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>Prendre soin de soi</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Shared with the supervisor</source>
        <translation>Partagée avec le superviseur</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Qui s’en charge</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Sujets</translation>
    </message>
    <message>
        <source>Wellbeing note</source>
        <translation>Note sur le bien-être</translation>
    </message>
    <message>
        <source>Linked diary entries</source>
        <translation>Entrées du journal liées</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Development goals</source>
        <translation>Objectifs de développement</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Diary entry</source>
        <translation>Entrée du journal</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Lu le</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Terminée le</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Historique du consentement</translation>
    </message>
    <message>
        <source>Raise at next supervision</source>
        <translation>À aborder à la prochaine supervision</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Signalée</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to Waypoint</source>
        <translation>Bienvenue dans Waypoint</translation>
    </message>
    <message>
        <source>A notebook for your peer work: the people you support, your encounters, your diary and your supervision.</source>
        <translation>Un carnet pour votre travail de pair : les personnes que vous accompagnez, vos rencontres, votre journal et votre supervision.</translation>
    </message>
    <message>
        <source>What it keeps, and who can see it</source>
        <translation>Ce qu’il garde, et qui peut le voir</translation>
    </message>
    <message>
        <source>Everything stays on this phone, locked with your PIN. Without it the file is unreadable, even if the phone is lost or taken.</source>
        <translation>Tout reste sur ce téléphone, verrouillé par votre code. Sans lui, le fichier est illisible, même si le téléphone est perdu ou pris.</translation>
    </message>
    <message>
        <source>People you support are recorded by a pseudonym or initials, never a full name.</source>
        <translation>Les personnes accompagnées sont notées par un pseudonyme ou des initiales, jamais un nom complet.</translation>
    </message>
    <message>
        <source>Your diary is private. Your supervisor sees an entry only if you switch on “Share” for that entry.</source>
        <translation>Votre journal est privé. Votre superviseur ne voit une entrée que si vous activez « Partager » pour cette entrée.</translation>
    </message>
    <message>
        <source>It works with no signal. Nothing leaves this phone until a device is enrolled for sync, and then only encrypted.</source>
        <translation>Il fonctionne sans réseau. Rien ne quitte ce téléphone tant qu’il n’est pas inscrit pour la synchronisation, et alors seulement chiffré.</translation>
    </message>
    <message>
        <source>Choose a PIN</source>
        <translation>Choisissez un code</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>New PIN or passphrase</source>
        <translation>Nouveau code ou phrase secrète</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Tapez-le à nouveau</translation>
    </message>
    <message>
        <source>Confirm PIN or passphrase</source>
        <translation>Confirmer le code ou la phrase secrète</translation>
    </message>
    <message>
        <source>Use a passphrase instead of digits</source>
        <translation>Utiliser une phrase secrète plutôt que des chiffres</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <source>Create PIN and start</source>
        <translation>Créer le code et commencer</translation>
    </message>
    <message>
        <source>Protect with my PIN only</source>
        <translation>Protéger avec mon code seul</translation>
    </message>
    <message>
        <source>Protect my records with my PIN only, without a keychain</source>
        <translation>Protéger mes données avec mon code seul, sans trousseau</translation>
    </message>
    <message>
        <source>Try the keychain again</source>
        <translation>Réessayer avec le trousseau</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Choisissez une phrase secrète</translation>
    </message>
    <message>
        <source>When this phone is enrolled for sync, Waypoint shows you a recovery key to write down.</source>
        <translation>Quand ce téléphone sera inscrit pour la synchronisation, Waypoint vous affichera une clé de récupération à noter.</translation>
    </message>
    <message>
        <source>At least 6 digits, not a run like 123456 nor one of the most common PINs; or a passphrase of at least 6 characters. There is no way to recover it: after 10 wrong tries everything on this phone is erased.</source>
        <translation>Au moins 6 chiffres, ni une suite comme 123456 ni l’un des codes les plus courants ; ou une phrase secrète d’au moins 6 caractères. Impossible de la récupérer : après 10 essais erronés, tout est effacé de ce téléphone.</translation>
    </message>
    <message>
        <source>Your supervision notes are yours alone: only you can read them.</source>
        <translation>Vos notes de supervision n’appartiennent qu’à vous : vous seul pouvez les lire.</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>HideButton</name>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Quick hide: cover the screen and lock</source>
        <translation>Masquage rapide : couvrir l’écran et verrouiller</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>Tout chercher</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong passphrase(s) entered since Waypoint was last unlocked.</source>
        <translation><numerusform>%n phrase secrète erronée saisie depuis le dernier déverrouillage de Waypoint.</numerusform><numerusform>%n phrases secrètes erronées saisies depuis le dernier déverrouillage de Waypoint.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n wrong PIN(s) entered since Waypoint was last unlocked.</source>
        <translation><numerusform>%n code erroné saisi depuis le dernier déverrouillage de Waypoint.</numerusform><numerusform>%n codes erronés saisis depuis le dernier déverrouillage de Waypoint.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unlock(s) stopped halfway: Waypoint was closed while it was checking.</source>
        <translation><numerusform>%n déverrouillage interrompu : Waypoint a été fermé pendant la vérification.</numerusform><numerusform>%n déverrouillages interrompus : Waypoint a été fermé pendant la vérification.</numerusform></translation>
    </message>
    <message>
        <source>If that was not you, someone may have tried to open Waypoint.</source>
        <translation>Si ce n’était pas vous, quelqu’un a peut-être essayé d’ouvrir Waypoint.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Dismiss the notice about wrong PINs</source>
        <translation>Fermer l’avis sur les codes erronés</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Relecture</translation>
    </message>
</context>
<context>
    <name>IdentitySection</name>
    <message>
        <source>This device</source>
        <translation>Cet appareil</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Nom de l’appareil</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Rename this device</source>
        <translation>Renommer cet appareil</translation>
    </message>
    <message>
        <source>Sent to your organisation's server when this device is enrolled, so your devices can be told apart.</source>
        <translation>Envoyé au serveur de votre organisation à l’inscription de cet appareil, pour distinguer vos appareils.</translation>
    </message>
    <message>
        <source>Your key fingerprint</source>
        <translation>Empreinte de vos clés</translation>
    </message>
    <message>
        <source>Your key fingerprint: %1</source>
        <translation>Empreinte de vos clés : %1</translation>
    </message>
    <message>
        <source>The people you sync with see the same digits for your keys: compare them in person when Waypoint or your supervisor asks.</source>
        <translation>Les personnes avec qui vous synchronisez voient les mêmes chiffres pour vos clés : comparez-les en personne quand Waypoint ou votre superviseur le demande.</translation>
    </message>
    <message>
        <source>Syncing for %1</source>
        <translation>Synchronisé pour %1</translation>
    </message>
    <message>
        <source>The new name reaches your organisation's server at the next sync.</source>
        <translation>Le nouveau nom parviendra au serveur de votre organisation à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Your organisation's server knows this device by this name, so your devices can be told apart.</source>
        <translation>Le serveur de votre organisation connaît cet appareil sous ce nom, pour distinguer vos appareils.</translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message>
        <source>Insights</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Your last 12 weeks, from your own records on this phone.</source>
        <translation>Vos 12 dernières semaines, d’après vos propres notes sur ce téléphone.</translation>
    </message>
    <message>
        <source>Log encounters and your weeks appear here</source>
        <translation>Notez vos rencontres et vos semaines apparaîtront ici</translation>
    </message>
    <message>
        <source>Once you log encounters, add participants or rate how you are in the diary, this page shows your encounters per week by place, your caseload by stage, and your wellbeing and stress over the last 12 weeks.</source>
        <translation>Dès que vous notez des rencontres, ajoutez des participants ou dites comment vous allez dans le journal, cette page montre vos rencontres par semaine et par lieu, vos suivis par étape, et votre bien-être et votre stress sur les 12 dernières semaines.</translation>
    </message>
    <message>
        <source>Encounters per week</source>
        <translation>Rencontres par semaine</translation>
    </message>
    <message>
        <source>No encounters in these 12 weeks. Each encounter you log appears in its week.</source>
        <translation>Aucune rencontre ces 12 semaines. Chaque rencontre notée apparaît dans sa semaine.</translation>
    </message>
    <message>
        <source>Encounters per week by place</source>
        <translation>Rencontres par semaine et par lieu</translation>
    </message>
    <message>
        <source>Caseload by stage</source>
        <translation>Suivis par étape</translation>
    </message>
    <message>
        <source>No participants yet. Each person you add appears in their stage.</source>
        <translation>Aucun participant pour l’instant. Chaque personne ajoutée apparaît dans son étape.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Wellbeing and stress</source>
        <translation>Bien-être et stress</translation>
    </message>
    <message>
        <source>No ratings in these 12 weeks. Rate your wellbeing and stress in a diary entry and they appear here.</source>
        <translation>Aucune note ces 12 semaines. Notez votre bien-être et votre stress dans une entrée du journal et ils apparaîtront ici.</translation>
    </message>
    <message>
        <source>Wellbeing and stress from your diary</source>
        <translation>Bien-être et stress d’après votre journal</translation>
    </message>
    <message>
        <source>Wellbeing (5: good)</source>
        <translation>Bien-être (5 : bon)</translation>
    </message>
    <message>
        <source>Stress (5: overwhelmed)</source>
        <translation>Stress (5 : débordé)</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>Prendre soin de soi</translation>
    </message>
</context>
<context>
    <name>KeyApprovalSection</name>
    <message>
        <source>You already use Waypoint on another device. How should your keys come to this one?</source>
        <translation>Vous utilisez déjà Waypoint sur un autre appareil. Comment vos clés doivent-elles arriver sur celui-ci ?</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Demande en cours…</translation>
    </message>
    <message>
        <source>Approve this device from another of your devices</source>
        <translation>Approuver cet appareil depuis un autre de vos appareils</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>En attente d’approbation</translation>
    </message>
    <message>
        <source>On your other device, open Sync and approve this device; check the numbers match.</source>
        <translation>Sur votre autre appareil, ouvrez Synchronisation et approuvez cet appareil ; vérifiez que les numéros correspondent.</translation>
    </message>
    <message>
        <source>Request number: %1</source>
        <translation>Numéro de la demande : %1</translation>
    </message>
    <message>
        <source>This screen moves on by itself once the other device approves. You can lock Waypoint meanwhile.</source>
        <translation>Cet écran avance tout seul dès que l’autre appareil approuve. Vous pouvez verrouiller Waypoint en attendant.</translation>
    </message>
    <message>
        <source>Use my recovery key</source>
        <translation>Utiliser ma clé de récupération</translation>
    </message>
    <message>
        <source>Use my recovery key instead</source>
        <translation>Utiliser plutôt ma clé de récupération</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel enrolment</source>
        <translation>Annuler l’inscription</translation>
    </message>
    <message>
        <source>Approve from another device</source>
        <translation>Approuver depuis un autre appareil</translation>
    </message>
    <message>
        <source>Recommended: your phone or computer that has Waypoint already shows this device; you check a number there and approve.</source>
        <translation>Recommandé : votre téléphone ou ordinateur qui a déjà Waypoint affiche cet appareil ; vous y vérifiez un numéro et vous approuvez.</translation>
    </message>
</context>
<context>
    <name>ListCard</name>
    <message>
        <source>who can read it: %1</source>
        <translation>qui peut la lire : %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Waypoint</source>
        <translation>Waypoint</translation>
    </message>
</context>
<context>
    <name>NeutralScreen</name>
    <message>
        <source>No notes</source>
        <translation>Aucune note</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>NewDevicesSection</name>
    <message>
        <source>New devices</source>
        <translation>Nouveaux appareils</translation>
    </message>
    <message>
        <source>%1 · enrolled %2</source>
        <translation>%1 · inscrit le %2</translation>
    </message>
    <message>
        <source>Enrolled %1</source>
        <translation>Inscrit le %1</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Deny %1</source>
        <translation>Refuser %1</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>Approuver %1</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Dismiss the notice of %1</source>
        <translation>Masquer l’avis concernant %1</translation>
    </message>
    <message>
        <source>Deny %1?</source>
        <translation>Refuser %1 ?</translation>
    </message>
    <message>
        <source>The device is revoked and erases itself. If it was yours, you will need a new enrolment code for it.</source>
        <translation>L’appareil est révoqué et s’efface. S’il était à vous, il lui faudra un nouveau code d’inscription.</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>New participant</source>
        <translation>Nouveau participant</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation>Votre brouillon non enregistré a été restauré.</translation>
    </message>
    <message>
        <source>Pseudonym or initials</source>
        <translation>Pseudonyme ou initiales</translation>
    </message>
    <message>
        <source>e.g. JD or “Blue jacket”</source>
        <translation>ex. JD ou « Veste bleue »</translation>
    </message>
    <message>
        <source>Never a full name: a code or initials you will recognise.</source>
        <translation>Jamais un nom complet : un code ou des initiales que vous reconnaîtrez.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>What they agreed to, in your words</source>
        <translation>Ce qu’il ou elle a accepté, avec vos mots</translation>
    </message>
    <message>
        <source>Consent scope</source>
        <translation>Portée du consentement</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Suivi</translation>
    </message>
</context>
<context>
    <name>ParticipantPage</name>
    <message>
        <source>Encounter</source>
        <translation>Rencontre</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Recovery is not a straight line: moving back a stage is normal.</source>
        <translation>Le rétablissement n’est pas une ligne droite : revenir à une étape est normal.</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>No goals yet. Goals belong to the working partnership: set them together.</source>
        <translation>Pas encore d’objectifs. Les objectifs font partie du partenariat : fixez-les ensemble.</translation>
    </message>
    <message>
        <source>A goal you agreed together</source>
        <translation>Un objectif convenu ensemble</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nouvel objectif</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Ajouter l’objectif</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>What they agreed to, in your words</source>
        <translation>Ce qu’il ou elle a accepté, avec vos mots</translation>
    </message>
    <message>
        <source>Consent scope</source>
        <translation>Portée du consentement</translation>
    </message>
    <message>
        <source>Consent given today</source>
        <translation>Consentement donné aujourd’hui</translation>
    </message>
    <message>
        <source>Record that consent was withdrawn today</source>
        <translation>Noter que le consentement a été retiré aujourd’hui</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>Rencontres</translation>
    </message>
    <message>
        <source>No encounters recorded with %1 yet.</source>
        <translation>Aucune rencontre notée avec %1 pour l’instant.</translation>
    </message>
    <message>
        <source>Record withdrawal of consent</source>
        <translation>Noter le retrait du consentement</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n encounter(s) will be removed from this phone and, after sync, from your other devices and the server. This cannot be undone.</source>
        <translation><numerusform>%1 et %n rencontre seront effacés de ce téléphone et, après synchronisation, de vos autres appareils et du serveur. C’est définitif.</numerusform><numerusform>%1 et %n rencontres seront effacés de ce téléphone et, après synchronisation, de vos autres appareils et du serveur. C’est définitif.</numerusform></translation>
    </message>
    <message>
        <source>Consent withdrawn. Erasing %1 in %2 s.</source>
        <translation>Consentement retiré. Effacement de %1 dans %2 s.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo the withdrawal of consent</source>
        <translation>Annuler le retrait du consentement</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete participant</source>
        <translation>Supprimer la personne</translation>
    </message>
    <message>
        <source>Delete %1 and their encounters</source>
        <translation>Supprimer %1 et ses rencontres</translation>
    </message>
    <message>
        <source>Withdraw consent?</source>
        <translation>Retirer le consentement ?</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>Supprimer %1 ?</translation>
    </message>
    <message>
        <source>Withdrawing consent erases %1's records. You can undo it for 10 seconds.</source>
        <translation>Retirer le consentement efface les données de %1. Vous pouvez annuler pendant 10 secondes.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Withdraw and erase</source>
        <translation>Retirer et effacer</translation>
    </message>
    <message>
        <source>Stage changed to %1.</source>
        <translation>Étape changée : %1.</translation>
    </message>
    <message>
        <source>Undo the stage change</source>
        <translation>Annuler le changement d’étape</translation>
    </message>
    <message>
        <source>Someone else added this participant: you can read their page, not change it.</source>
        <translation>Quelqu’un d’autre a ajouté cette personne : vous pouvez lire sa page, pas la modifier.</translation>
    </message>
    <message>
        <source>Edit goal %1</source>
        <translation>Modifier l’objectif %1</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Remove this goal?</source>
        <translation>Retirer cet objectif ?</translation>
    </message>
    <message>
        <source>Rename or delete</source>
        <translation>Renommer ou supprimer</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>Renommer %1</translation>
    </message>
    <message>
        <source>Pseudonym or initials</source>
        <translation>Pseudonyme ou initiales</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
</context>
<context>
    <name>RatingRow</name>
    <message>
        <source>%1: %2 of 5</source>
        <translation>%1 : %2 sur 5</translation>
    </message>
</context>
<context>
    <name>RecordText</name>
    <message>
        <source>Removed participant</source>
        <translation>Participant supprimé</translation>
    </message>
    <message>
        <source>Supervision, %1</source>
        <translation>Supervision, %1</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>Rencontres</translation>
    </message>
    <message>
        <source>Diary entries</source>
        <translation>Entrées du journal</translation>
    </message>
    <message>
        <source>Supervision notes</source>
        <translation>Notes de supervision</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Demain</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation><numerusform>il y a %n jour</numerusform><numerusform>il y a %n jours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation><numerusform>Dans %n jour</numerusform><numerusform>Dans %n jours</numerusform></translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>En retard : %1</translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation>Suivi : %1</translation>
    </message>
    <message>
        <source>No contact recorded yet</source>
        <translation>Aucun contact noté pour l’instant</translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation>Dernier contact : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
    <message>
        <source>Untitled entry</source>
        <translation>Entrée sans titre</translation>
    </message>
    <message>
        <source>Unnamed / brief contact</source>
        <translation>Sans nom / contact bref</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Échéance : %1</translation>
    </message>
    <message>
        <source>This looks like a full name. Please use a pseudonym or initials instead.</source>
        <translation>Cela ressemble à un nom complet. Utilisez plutôt un pseudonyme ou des initiales.</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>Partagées avec moi</translation>
    </message>
</context>
<context>
    <name>ReviewEntry</name>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>No comments yet. %1 sees what you write after the next sync.</source>
        <translation>Aucun commentaire pour l’instant. %1 verra ce que vous écrivez après la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Write a comment for %1</source>
        <translation>Écrire un commentaire pour %1</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Ajouter le commentaire</translation>
    </message>
    <message>
        <source>Raised for the next supervision</source>
        <translation>Signalée pour la prochaine supervision</translation>
    </message>
    <message>
        <source>Raise at next supervision</source>
        <translation>À aborder à la prochaine supervision</translation>
    </message>
</context>
<context>
    <name>ReviewEntryPage</name>
    <message>
        <source>Shared entry</source>
        <translation>Entrée partagée</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>All workers</source>
        <translation>Tous les travailleurs pairs</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>relue</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouvelle</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Relue</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n comment(s)</source>
        <translation><numerusform>%1 · %n commentaire</numerusform><numerusform>%1 · %n commentaires</numerusform></translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Rien à relire</translation>
    </message>
    <message>
        <source>No shared entry matches these filters.</source>
        <translation>Aucune entrée partagée ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Entries your workers share with you appear here after a sync.</source>
        <translation>Les entrées que vos travailleurs pairs partagent avec vous apparaissent ici après une synchronisation.</translation>
    </message>
    <message>
        <source>Choose an entry to read it here.</source>
        <translation>Choisissez une entrée pour la lire ici.</translation>
    </message>
    <message>
        <source>Your team</source>
        <translation>Votre équipe</translation>
    </message>
    <message>
        <source>Open your team</source>
        <translation>Ouvrir votre équipe</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <source>A colleague</source>
        <comment>a reviewer or worker the server has not named yet</comment>
        <translation>Un collègue</translation>
    </message>
    <message>
        <source>Read by %1, %2</source>
        <comment>a supervisor's review mark on a diary entry</comment>
        <translation>Lu par %1, le %2</translation>
    </message>
    <message>
        <source>Acknowledged %1</source>
        <comment>the worker acknowledged a comment on this day</comment>
        <translation>Pris en compte le %1</translation>
    </message>
    <message>
        <source>%1 commented on your entry of %2</source>
        <comment>a comment the worker has not acknowledged</comment>
        <translation>%1 a commenté votre entrée du %2</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Scan QR code</source>
        <translation>Scanner le code QR</translation>
    </message>
    <message>
        <source>No camera found. Paste the code instead.</source>
        <translation>Aucune caméra trouvée. Collez plutôt le code.</translation>
    </message>
    <message>
        <source>The camera cannot be used. Waypoint may not be allowed to use it. Paste the code instead.</source>
        <translation>La caméra ne peut pas être utilisée. Waypoint n’a peut-être pas l’autorisation de s’en servir. Collez plutôt le code.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <source>This QR code is not a Waypoint enrolment code. Scan the one your administrator gave you.</source>
        <translation>Ce code QR n’est pas un code d’inscription Waypoint. Scannez celui que votre administrateur vous a donné.</translation>
    </message>
    <message>
        <source>Hold the QR code from your administrator inside the frame. It is read as soon as it is sharp.</source>
        <translation>Placez le code QR de votre administrateur dans le cadre. Il est lu dès qu’il est net.</translation>
    </message>
    <message>
        <source>Copy the text of the QR code (it starts with waypoint:) or type the code printed under it.</source>
        <translation>Copiez le texte du code QR (il commence par waypoint:) ou tapez le code imprimé en dessous.</translation>
    </message>
    <message>
        <source>Paste instead</source>
        <translation>Coller plutôt</translation>
    </message>
    <message>
        <source>Paste the code instead</source>
        <translation>Coller le code plutôt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel scanning</source>
        <translation>Annuler le scan</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>Tout chercher</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Rien trouvé</translation>
    </message>
    <message>
        <source>Search your notes</source>
        <translation>Cherchez dans vos notes</translation>
    </message>
    <message>
        <source>No participant, encounter, diary entry or supervision note contains “%1”.</source>
        <translation>Aucun participant, rencontre, entrée du journal ni note de supervision ne contient « %1 ».</translation>
    </message>
    <message>
        <source>Participants, encounters, diary entries and supervision notes, all in one place. Everything is searched on this phone.</source>
        <translation>Participants, rencontres, entrées du journal et notes de supervision, au même endroit. La recherche se fait sur ce téléphone.</translation>
    </message>
</context>
<context>
    <name>SetAsideChangesPage</name>
    <message>
        <source>Changes set aside</source>
        <translation>Changements mis de côté</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the server were set aside: this phone could not check or read them, or they were not valid. Nothing on this phone was changed by them, and everything else synced.</source>
        <translation><numerusform>%n changement du serveur a été mis de côté : ce téléphone n’a pas pu le vérifier ou le lire, ou il n’était pas valide. Il n’a rien changé sur ce téléphone, et tout le reste a été synchronisé.</numerusform><numerusform>%n changements du serveur ont été mis de côté : ce téléphone n’a pas pu les vérifier ou les lire, ou ils n’étaient pas valides. Ils n’ont rien changé sur ce téléphone, et tout le reste a été synchronisé.</numerusform></translation>
    </message>
    <message>
        <source>No changes set aside.</source>
        <translation>Aucun changement mis de côté.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell your administrator: it can mean a device or the server is not working as it should.</source>
        <translation>Si cela se répète, prévenez votre administrateur : un appareil ou le serveur ne fonctionne peut-être pas comme il le devrait.</translation>
    </message>
    <message>
        <source>Set aside: %1</source>
        <translation>Mis de côté : %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Changer le code</translation>
    </message>
    <message>
        <source>Lock automatically after</source>
        <translation>Verrouiller automatiquement après</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation><numerusform>%n seconde</numerusform><numerusform>%n secondes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    <message>
        <source>Waypoint also locks as soon as you leave the app.</source>
        <translation>Waypoint se verrouille aussi dès que vous quittez l’application.</translation>
    </message>
    <message>
        <source>Show the quick-hide button</source>
        <translation>Afficher le bouton de masquage rapide</translation>
    </message>
    <message>
        <source>Quick-hide covers the screen with a plain page and locks Waypoint at once.</source>
        <translation>Le masquage rapide couvre l’écran d’une page neutre et verrouille Waypoint aussitôt.</translation>
    </message>
    <message>
        <source>Language and appearance</source>
        <translation>Langue et apparence</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Très grande</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>About and privacy</source>
        <translation>À propos et confidentialité</translation>
    </message>
    <message>
        <source>Waypoint %1. Everything you record is kept on this phone in an encrypted file, unlocked only by your PIN. Diary entries are private unless you share them one by one. Participants are recorded by pseudonym. When sync is set up, records leave the phone end-to-end encrypted: the server cannot read them.</source>
        <translation>Waypoint %1. Tout ce que vous notez est gardé sur ce téléphone dans un fichier chiffré, déverrouillé seulement par votre code. Les entrées du journal sont privées, sauf celles que vous partagez une à une. Les participants sont notés par pseudonyme. Quand la synchronisation est active, les données quittent le téléphone chiffrées de bout en bout : le serveur ne peut pas les lire.</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Verrouiller maintenant</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Code actuel</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Nouveau code, encore</translation>
    </message>
    <message>
        <source>Confirm new PIN</source>
        <translation>Confirmer le nouveau code</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Changement…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Your records are locked with your PIN and with a key kept in this device's keychain: a copy of Waypoint's files alone cannot be opened.</source>
        <translation>Vos données sont verrouillées par votre code et par une clé gardée dans le trousseau de cet appareil : une copie des fichiers de Waypoint ne suffit pas à les ouvrir.</translation>
    </message>
    <message>
        <source>Protected by your PIN only: this device had no keychain when Waypoint was set up, so someone with a copy of Waypoint's files could try every PIN on another computer.</source>
        <translation>Protégé par votre code seul : cet appareil n’avait pas de trousseau quand Waypoint a été configuré, donc quelqu’un qui aurait une copie des fichiers de Waypoint pourrait essayer tous les codes sur un autre ordinateur.</translation>
    </message>
    <message>
        <source>PIN changed. Use your new PIN from now on.</source>
        <translation>Code modifié. Utilisez désormais votre nouveau code.</translation>
    </message>
    <message>
        <source>At least 6 digits, not a run like 123456 nor one of the most common PINs. With letters in it, it is a passphrase of at least 6 characters.</source>
        <translation>Au moins 6 chiffres, ni une suite comme 123456 ni l’un des codes les plus courants. Avec des lettres, c’est une phrase secrète d’au moins 6 caractères.</translation>
    </message>
</context>
<context>
    <name>ShareBadge</name>
    <message>
        <source>Who can read it: %1</source>
        <translation>Qui peut la lire : %1</translation>
    </message>
</context>
<context>
    <name>SupervisionEditor</name>
    <message>
        <source>Supervision session</source>
        <translation>Séance de supervision</translation>
    </message>
    <message>
        <source>New supervision session</source>
        <translation>Nouvelle séance de supervision</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Your unsaved draft was restored.</source>
        <translation>Votre brouillon non enregistré a été restauré.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Sujets</translation>
    </message>
    <message>
        <source>Add a topic</source>
        <translation>Ajouter un sujet</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>Nouveau sujet</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add topic</source>
        <translation>Ajouter le sujet</translation>
    </message>
    <message>
        <source>Wellbeing check</source>
        <translation>Point sur le bien-être</translation>
    </message>
    <message>
        <source>How am I doing?</source>
        <translation>Comment je vais ?</translation>
    </message>
    <message>
        <source>Struggling</source>
        <translation>En difficulté</translation>
    </message>
    <message>
        <source>Doing well</source>
        <translation>Ça va bien</translation>
    </message>
    <message>
        <source>A few words about it (optional)</source>
        <translation>Quelques mots à ce sujet (facultatif)</translation>
    </message>
    <message>
        <source>Wellbeing note</source>
        <translation>Note sur le bien-être</translation>
    </message>
    <message>
        <source>Diary entries to discuss</source>
        <translation>Entrées du journal à discuter</translation>
    </message>
    <message>
        <source>Entries you share with your supervisor can be linked here.</source>
        <translation>Les entrées partagées avec votre superviseur peuvent être liées ici.</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Fait : %1</translation>
    </message>
    <message>
        <source>Something agreed to do</source>
        <translation>Une chose convenue à faire</translation>
    </message>
    <message>
        <source>New action item</source>
        <translation>Nouvelle action</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Qui s’en charge</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation>Ajouter l’action</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>What we talked about</source>
        <translation>Ce dont nous avons parlé</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Enregistrer la séance</translation>
    </message>
    <message>
        <source>Edit topic %1</source>
        <translation>Modifier le sujet %1</translation>
    </message>
    <message>
        <source>Edit action item %1</source>
        <translation>Modifier l’action %1</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Remove this topic?</source>
        <translation>Retirer ce sujet ?</translation>
    </message>
    <message>
        <source>Remove this action item?</source>
        <translation>Retirer cette action ?</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Supprimer la séance</translation>
    </message>
    <message>
        <source>Delete this supervision session?</source>
        <translation>Supprimer cette séance de supervision ?</translation>
    </message>
    <message>
        <source>The session of %1 with %2, its topics and action items will be deleted from this phone and, after sync, from your other devices.</source>
        <translation>La séance du %1 avec %2, ses sujets et ses actions seront supprimés de ce téléphone et, après la synchronisation, de vos autres appareils.</translation>
    </message>
    <message>
        <source>To discuss</source>
        <translation>À aborder</translation>
    </message>
</context>
<context>
    <name>SupervisionList</name>
    <message numerus="yes">
        <source>%n open action(s)</source>
        <translation><numerusform>%n action en cours</numerusform><numerusform>%n actions en cours</numerusform></translation>
    </message>
    <message>
        <source>No supervision sessions yet</source>
        <translation>Aucune séance de supervision pour l’instant</translation>
    </message>
    <message>
        <source>Note the topics, how you are doing, and what you agreed to do next.</source>
        <translation>Notez les sujets, comment vous allez, et ce que vous avez convenu de faire ensuite.</translation>
    </message>
    <message>
        <source>New supervision session</source>
        <translation>Nouvelle séance de supervision</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>The record belongs to another user.</source>
        <translation>La fiche appartient à un autre utilisateur.</translation>
    </message>
    <message>
        <source>Another record with the same id has a different type.</source>
        <translation>Une autre fiche avec le même identifiant est d’un autre type.</translation>
    </message>
    <message>
        <source>The server does not know who may read this record.</source>
        <translation>Le serveur ne sait pas qui peut lire cette fiche.</translation>
    </message>
    <message>
        <source>The change is larger than the server accepts.</source>
        <translation>Le changement dépasse la taille que le serveur accepte.</translation>
    </message>
    <message>
        <source>The server could not read the change.</source>
        <translation>Le serveur n’a pas pu lire le changement.</translation>
    </message>
    <message>
        <source>The server asked to send it again later.</source>
        <translation>Le serveur a demandé de le renvoyer plus tard.</translation>
    </message>
    <message>
        <source>The server refused it (%1).</source>
        <translation>Le serveur l’a refusé (%1).</translation>
    </message>
    <message>
        <source>The key backup on the server holds other keys than this device has.</source>
        <translation>La sauvegarde des clés sur le serveur contient d’autres clés que celles de cet appareil.</translation>
    </message>
    <message>
        <source>This code is wrong, already used or expired. Ask your administrator for a new one.</source>
        <translation>Ce code est erroné, déjà utilisé ou expiré. Demandez-en un nouveau à votre administrateur.</translation>
    </message>
    <message>
        <source>Too many failed attempts: wait a minute, then try again.</source>
        <translation>Trop de tentatives échouées : attendez une minute, puis réessayez.</translation>
    </message>
    <message>
        <source>The server refused this device. Ask your administrator for a new code.</source>
        <translation>Le serveur a refusé cet appareil. Demandez un nouveau code à votre administrateur.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and your connection, then try again.</source>
        <translation>Le serveur est injoignable. Vérifiez l’adresse et votre connexion, puis réessayez.</translation>
    </message>
    <message>
        <source>That address does not answer like a Waypoint server.</source>
        <translation>Cette adresse ne répond pas comme un serveur Waypoint.</translation>
    </message>
    <message>
        <source>Waypoint locked before enrolment finished. Ask for a new code and start again.</source>
        <translation>Waypoint s’est verrouillé avant la fin de l’inscription. Demandez un nouveau code et recommencez.</translation>
    </message>
    <message>
        <source>Enrolment did not complete (%1).</source>
        <translation>L’inscription n’a pas abouti (%1).</translation>
    </message>
    <message>
        <source>The server asked Waypoint to wait before trying again.</source>
        <translation>Le serveur a demandé à Waypoint d’attendre avant de réessayer.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Le serveur est injoignable.</translation>
    </message>
    <message>
        <source>The server no longer accepts this device. Ask your administrator for a new enrolment code.</source>
        <translation>Le serveur n’accepte plus cet appareil. Demandez un nouveau code d’inscription à votre administrateur.</translation>
    </message>
    <message>
        <source>The server answered something this version of Waypoint cannot read. Update the app.</source>
        <translation>Le serveur a répondu quelque chose que cette version de Waypoint ne sait pas lire. Mettez l’application à jour.</translation>
    </message>
    <message>
        <source>Changes from the server failed their signature or encryption check and were not applied.</source>
        <translation>Des changements venus du serveur n’ont pas passé la vérification de signature ou de chiffrement : ils n’ont pas été appliqués.</translation>
    </message>
    <message>
        <source>The device is out of storage space.</source>
        <translation>L’appareil n’a plus d’espace de stockage.</translation>
    </message>
    <message>
        <source>Sync did not complete (%1).</source>
        <translation>La synchronisation n’a pas abouti (%1).</translation>
    </message>
    <message>
        <source>It was sealed with a key your keys cannot open.</source>
        <translation>Il a été scellé avec une clé que vos clés ne peuvent pas ouvrir.</translation>
    </message>
    <message>
        <source>This device has no key to read it.</source>
        <translation>Cet appareil n’a pas de clé pour le lire.</translation>
    </message>
    <message>
        <source>Its author's signature does not verify.</source>
        <translation>La signature de son auteur n’est pas valide.</translation>
    </message>
    <message>
        <source>It is not part of what its author signed.</source>
        <translation>Il ne fait pas partie de ce que son auteur a signé.</translation>
    </message>
    <message>
        <source>It could not be decrypted.</source>
        <translation>Il n’a pas pu être déchiffré.</translation>
    </message>
    <message>
        <source>Its content could not be read.</source>
        <translation>Son contenu n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>Its %1 is not valid.</source>
        <translation>Son champ « %1 » n’est pas valide.</translation>
    </message>
    <message>
        <source>Its content is not valid.</source>
        <translation>Son contenu n’est pas valide.</translation>
    </message>
    <message>
        <source>Its time is more than a day ahead of this device's clock.</source>
        <translation>Son heure est en avance de plus d’un jour sur l’horloge de cet appareil.</translation>
    </message>
    <message>
        <source>It was set aside (%1).</source>
        <translation>Il a été mis de côté (%1).</translation>
    </message>
    <message>
        <source>Use an address starting with https://. Plain http:// is only allowed for a server on this device.</source>
        <translation>Utilisez une adresse commençant par https://. Le http:// simple n’est permis que pour un serveur sur cet appareil.</translation>
    </message>
    <message>
        <source>It changes a record another user created.</source>
        <translation>Il modifie une fiche créée par un autre utilisateur.</translation>
    </message>
    <message>
        <source>Its author's key changed and nobody has confirmed the new one yet.</source>
        <translation>La clé de son auteur a changé et personne n’a encore confirmé la nouvelle.</translation>
    </message>
    <message>
        <source>Its key is not signed by its author.</source>
        <translation>Sa clé n’est pas signée par son auteur.</translation>
    </message>
    <message>
        <source>Group %1 of the recovery key looks wrong. Check it against the key you wrote down.</source>
        <translation>Le groupe %1 de la clé de récupération semble erroné. Comparez-le avec la clé que vous avez notée.</translation>
    </message>
    <message>
        <source>That is not a recovery key: it has %1 groups of %2 letters and digits. Check it against the key you wrote down.</source>
        <translation>Ce n’est pas une clé de récupération : elle compte %1 groupes de %2 lettres et chiffres. Comparez avec la clé que vous avez notée.</translation>
    </message>
    <message>
        <source>Your keys were set up on another device meanwhile. Type the recovery key shown there.</source>
        <translation>Vos clés ont été créées entre-temps sur un autre appareil. Tapez la clé de récupération affichée sur celui-ci.</translation>
    </message>
    <message>
        <source>Your keys were never backed up on the server. Waypoint makes them on this device, with a new recovery key.</source>
        <translation>Vos clés n’ont jamais été sauvegardées sur le serveur. Waypoint les crée sur cet appareil, avec une nouvelle clé de récupération.</translation>
    </message>
    <message>
        <source>That recovery key does not open your key backup. Check it against the key you wrote down and try again.</source>
        <translation>Cette clé de récupération n’ouvre pas la sauvegarde de vos clés. Comparez-la avec la clé que vous avez notée, puis réessayez.</translation>
    </message>
    <message>
        <source>Your organisation revoked this device: its keys and records here are destroyed.</source>
        <translation>Votre organisation a révoqué cet appareil : ses clés et ses données y sont détruites.</translation>
    </message>
    <message>
        <source>It acknowledges a comment on a diary entry its sender did not write.</source>
        <translation>Il accuse réception d’un commentaire sur une entrée du journal que son expéditeur n’a pas écrite.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Sync: %1</source>
        <translation>Synchronisation : %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
</context>
<context>
    <name>SyncStatusSection</name>
    <message>
        <source>No changes waiting to be sent.</source>
        <translation>Aucun changement en attente d’envoi.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation><numerusform>%n changement en attente d’envoi.</numerusform><numerusform>%n changements en attente d’envoi.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server. They stay on this phone.</source>
        <translation><numerusform>%n changement refusé par le serveur. Il reste sur ce téléphone.</numerusform><numerusform>%n changements refusés par le serveur. Ils restent sur ce téléphone.</numerusform></translation>
    </message>
    <message>
        <source>See refused changes</source>
        <translation>Voir les changements refusés</translation>
    </message>
    <message>
        <source>See the changes the server refused</source>
        <translation>Voir les changements refusés par le serveur</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur : %1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the server set aside: this phone could not check or read them.</source>
        <translation><numerusform>%n changement du serveur mis de côté : ce téléphone n’a pas pu le vérifier ou le lire.</numerusform><numerusform>%n changements du serveur mis de côté : ce téléphone n’a pas pu les vérifier ou les lire.</numerusform></translation>
    </message>
    <message>
        <source>See changes set aside</source>
        <translation>Voir les changements mis de côté</translation>
    </message>
    <message>
        <source>See the changes from the server that were set aside</source>
        <translation>Voir les changements du serveur mis de côté</translation>
    </message>
    <message numerus="yes">
        <source>The key of %n person(s) you sync with changed on the server. What they send is set aside until the new key is compared with them in person and confirmed.</source>
        <translation><numerusform>La clé de %n personne avec qui vous synchronisez a changé sur le serveur. Ce qu’elle envoie est mis de côté jusqu’à ce que la nouvelle clé soit comparée avec elle en personne et confirmée.</numerusform><numerusform>Les clés de %n personnes avec qui vous synchronisez ont changé sur le serveur. Ce qu’elles envoient est mis de côté jusqu’à ce que chaque nouvelle clé soit comparée avec elles en personne et confirmée.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): a text was changed on this phone and on another device before they synced.</source>
        <translation><numerusform>%n conflit : un texte a été modifié sur ce téléphone et sur un autre appareil avant leur synchronisation.</numerusform><numerusform>%n conflits : des textes ont été modifiés sur ce téléphone et sur un autre appareil avant leur synchronisation.</numerusform></translation>
    </message>
    <message>
        <source>Resolve conflicts</source>
        <translation>Résoudre les conflits</translation>
    </message>
    <message>
        <source>Compare both versions of each conflict and choose</source>
        <translation>Comparer les deux versions de chaque conflit et choisir</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>No workers yet</source>
        <translation>Aucun travailleur pair pour l’instant</translation>
    </message>
    <message>
        <source>The workers you supervise appear here after a sync.</source>
        <translation>Les travailleurs pairs que vous supervisez apparaissent ici après une synchronisation.</translation>
    </message>
</context>
<context>
    <name>TimePicker</name>
    <message>
        <source>What time was it?</source>
        <translation>À quelle heure ?</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>That time has not come yet.</source>
        <translation>Cette heure n’est pas encore passée.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Set time</source>
        <translation>Choisir cette heure</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>New encounter</source>
        <translation>Nouvelle rencontre</translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation>Nouvelle entrée du journal</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Suivis à faire</translation>
    </message>
    <message>
        <source>Nothing due. Follow-up dates you set on an encounter appear here.</source>
        <translation>Rien à faire. Les dates de suivi fixées lors d’une rencontre apparaissent ici.</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>Actions en cours</translation>
    </message>
    <message>
        <source>No open action items from supervision.</source>
        <translation>Aucune action en cours issue de la supervision.</translation>
    </message>
    <message>
        <source>Mark done: %1</source>
        <translation>Marquer comme fait : %1</translation>
    </message>
    <message>
        <source>Recent encounters</source>
        <translation>Rencontres récentes</translation>
    </message>
    <message>
        <source>No encounters yet. Tap “New encounter” after you meet someone.</source>
        <translation>Aucune rencontre pour l’instant. Touchez « Nouvelle rencontre » après avoir rencontré quelqu’un.</translation>
    </message>
    <message>
        <source>Unfinished drafts</source>
        <translation>Brouillons à terminer</translation>
    </message>
    <message>
        <source>Resume draft: %1, %2</source>
        <translation>Reprendre le brouillon : %1, %2</translation>
    </message>
    <message>
        <source>Discard draft: %1</source>
        <translation>Supprimer le brouillon : %1</translation>
    </message>
    <message>
        <source>Discard this draft?</source>
        <translation>Supprimer ce brouillon ?</translation>
    </message>
    <message>
        <source>“%1” will be gone for good.</source>
        <translation>« %1 » sera définitivement perdu.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation><numerusform>%n conflit à résoudre</numerusform><numerusform>%n conflits à résoudre</numerusform></translation>
    </message>
    <message>
        <source>Both versions are kept until you choose.</source>
        <translation>Les deux versions sont gardées jusqu’à ce que vous choisissiez.</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Résoudre</translation>
    </message>
    <message>
        <source>Your last 12 weeks</source>
        <translation>Vos 12 dernières semaines</translation>
    </message>
    <message>
        <source>Encounters by place, caseload by stage, wellbeing and stress</source>
        <translation>Rencontres par lieu, suivis par étape, bien-être et stress</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Insights: your last 12 weeks as charts</source>
        <translation>Aperçu : vos 12 dernières semaines en graphiques</translation>
    </message>
    <message>
        <source>Approve it only if it is yours.</source>
        <translation>Ne l’approuvez que s’il est à vous.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
</context>
<context>
    <name>Unlock</name>
    <message>
        <source>Waypoint is locked</source>
        <translation>Waypoint est verrouillé</translation>
    </message>
    <message>
        <source>Enter your passphrase</source>
        <translation>Saisissez votre phrase secrète</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>Saisissez votre code</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation><numerusform>%n chiffre saisi</numerusform><numerusform>%n chiffres saisis</numerusform></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation><numerusform>Trop de codes erronés. Réessayez dans %n seconde.</numerusform><numerusform>Trop de codes erronés. Réessayez dans %n secondes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left before everything on this phone is erased.</source>
        <translation><numerusform>Encore %n essai avant que tout soit effacé de ce téléphone.</numerusform><numerusform>Encore %n essais avant que tout soit effacé de ce téléphone.</numerusform></translation>
    </message>
    <message>
        <source>I use a passphrase</source>
        <translation>J’utilise une phrase secrète</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait, then try again.</source>
        <translation>Trop de codes erronés. Patientez, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Give the participant a pseudonym or initials.</source>
        <translation>Donnez au participant un pseudonyme ou des initiales.</translation>
    </message>
    <message>
        <source>Record the date consent was given or withdrawn.</source>
        <translation>Notez la date à laquelle le consentement a été donné ou retiré.</translation>
    </message>
    <message>
        <source>The current stage must be the last one in the stage history.</source>
        <translation>L’étape actuelle doit être la dernière de l’historique.</translation>
    </message>
    <message>
        <source>A goal needs a description.</source>
        <translation>Un objectif a besoin d’une description.</translation>
    </message>
    <message>
        <source>A goal's target date cannot be before the date it was set.</source>
        <translation>La date visée d’un objectif ne peut pas précéder la date où il a été fixé.</translation>
    </message>
    <message>
        <source>Record when the encounter happened.</source>
        <translation>Notez quand la rencontre a eu lieu.</translation>
    </message>
    <message>
        <source>Duration must be between 0 minutes and 24 hours.</source>
        <translation>La durée doit être comprise entre 0 minute et 24 heures.</translation>
    </message>
    <message>
        <source>The follow-up date cannot be before the encounter.</source>
        <translation>La date de suivi ne peut pas précéder la rencontre.</translation>
    </message>
    <message>
        <source>A stage can only be recorded for a named participant.</source>
        <translation>Une étape ne peut être notée que pour un participant identifié.</translation>
    </message>
    <message>
        <source>Write something, or answer at least one prompt.</source>
        <translation>Écrivez quelque chose, ou répondez à au moins une question.</translation>
    </message>
    <message>
        <source>Record when the entry was written.</source>
        <translation>Notez quand l’entrée a été écrite.</translation>
    </message>
    <message>
        <source>Record the date of the supervision session.</source>
        <translation>Notez la date de la séance de supervision.</translation>
    </message>
    <message>
        <source>An action item needs a description.</source>
        <translation>Une action a besoin d’une description.</translation>
    </message>
    <message>
        <source>A comment belongs to a diary entry.</source>
        <translation>Un commentaire se rattache à une entrée du journal.</translation>
    </message>
    <message>
        <source>Name the course or training.</source>
        <translation>Indiquez le cours ou la formation.</translation>
    </message>
    <message>
        <source>Record when the training was completed.</source>
        <translation>Notez quand la formation a été terminée.</translation>
    </message>
    <message>
        <source>The expiry date must be after the completion date.</source>
        <translation>La date d’expiration doit suivre la date de fin de formation.</translation>
    </message>
    <message>
        <source>%1 is too long (%2 characters, at most %3).</source>
        <translation>%1 : texte trop long (%2 caractères, %3 au plus).</translation>
    </message>
    <message>
        <source>%1 has too many items (%2, at most %3).</source>
        <translation>%1 : trop d’éléments (%2, %3 au plus).</translation>
    </message>
    <message>
        <source>%1 must be between 1 and 5.</source>
        <translation>%1 : choisissez une valeur de 1 à 5.</translation>
    </message>
    <message>
        <source>The field %1 has a value this version does not understand.</source>
        <translation>Le champ « %1 » contient une valeur que cette version ne comprend pas.</translation>
    </message>
    <message>
        <source>A field has no name.</source>
        <translation>Un champ n’a pas de nom.</translation>
    </message>
    <message>
        <source>A field nests too deep.</source>
        <translation>Un champ est imbriqué trop profondément.</translation>
    </message>
    <message>
        <source>%1 does not hold the kind of value it should.</source>
        <translation>%1 ne contient pas le type de valeur attendu.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Naloxone</source>
        <translation>Naloxone</translation>
    </message>
    <message>
        <source>Sterile injecting equipment</source>
        <translation>Matériel d’injection stérile</translation>
    </message>
    <message>
        <source>Safer smoking kit</source>
        <translation>Kit d’inhalation à moindre risque</translation>
    </message>
    <message>
        <source>Fentanyl test strips</source>
        <translation>Bandelettes de test fentanyl</translation>
    </message>
    <message>
        <source>Sharps bin</source>
        <translation>Collecteur d’aiguilles</translation>
    </message>
    <message>
        <source>Condoms</source>
        <translation>Préservatifs</translation>
    </message>
    <message>
        <source>Wound care</source>
        <translation>Soins des plaies</translation>
    </message>
    <message>
        <source>Creating a safe place</source>
        <translation>Créer un lieu sûr</translation>
    </message>
    <message>
        <source>Working partnership</source>
        <translation>Partenariat de travail</translation>
    </message>
    <message>
        <source>Stepping out</source>
        <translation>Prendre du recul</translation>
    </message>
    <message>
        <source>Street outreach</source>
        <translation>Maraude</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>Hébergement d’urgence</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hôpital</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <source>Drop-in</source>
        <translation>Accueil de jour</translation>
    </message>
    <message>
        <source>Phone / text</source>
        <translation>Téléphone / SMS</translation>
    </message>
    <message>
        <source>Accompanied appointment</source>
        <translation>Rendez-vous accompagné</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Logement</translation>
    </message>
    <message>
        <source>Substance use / harm reduction</source>
        <translation>Consommation / réduction des risques</translation>
    </message>
    <message>
        <source>Mental health</source>
        <translation>Santé mentale</translation>
    </message>
    <message>
        <source>Physical health</source>
        <translation>Santé physique</translation>
    </message>
    <message>
        <source>Income and benefits</source>
        <translation>Revenus et prestations</translation>
    </message>
    <message>
        <source>Legal / justice</source>
        <translation>Droit / justice</translation>
    </message>
    <message>
        <source>Family and relationships</source>
        <translation>Famille et relations</translation>
    </message>
    <message>
        <source>Practical needs</source>
        <translation>Besoins pratiques</translation>
    </message>
    <message>
        <source>Housing services</source>
        <translation>Services du logement</translation>
    </message>
    <message>
        <source>Benefits office</source>
        <translation>Caisse des prestations</translation>
    </message>
    <message>
        <source>Health services</source>
        <translation>Services de santé</translation>
    </message>
    <message>
        <source>Mental health services</source>
        <translation>Services de santé mentale</translation>
    </message>
    <message>
        <source>Substance use treatment</source>
        <translation>Soins en addictologie</translation>
    </message>
    <message>
        <source>Justice services</source>
        <translation>Services de la justice</translation>
    </message>
    <message>
        <source>Other service</source>
        <translation>Autre service</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>Using lived experience / self-disclosure</source>
        <translation>Savoir expérientiel / dévoilement de soi</translation>
    </message>
    <message>
        <source>Stigma</source>
        <translation>Stigmatisation</translation>
    </message>
    <message>
        <source>Organisational culture</source>
        <translation>Culture organisationnelle</translation>
    </message>
    <message>
        <source>Personal bias</source>
        <translation>Préjugés personnels</translation>
    </message>
    <message>
        <source>Systemic obstacles</source>
        <translation>Obstacles systémiques</translation>
    </message>
    <message>
        <source>Self-care</source>
        <translation>Prendre soin de soi</translation>
    </message>
    <message>
        <source>Training and development</source>
        <translation>Formation et développement</translation>
    </message>
    <message>
        <source>Relationships with professionals</source>
        <translation>Relations avec les professionnels</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>Réussites</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Atteint</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Mis de côté</translation>
    </message>
    <message>
        <source>Not yet asked</source>
        <translation>Pas encore demandé</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Donné</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Travailleur pair</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Rencontre</translation>
    </message>
    <message>
        <source>Diary entry</source>
        <translation>Entrée du journal</translation>
    </message>
    <message>
        <source>Supervision note</source>
        <translation>Note de supervision</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Training record</source>
        <translation>Formation suivie</translation>
    </message>
    <message>
        <source>Took a break</source>
        <translation>Pris une pause</translation>
    </message>
    <message>
        <source>Talked it through</source>
        <translation>En ai parlé</translation>
    </message>
    <message>
        <source>Time outside</source>
        <translation>Du temps dehors</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>Something I enjoy</source>
        <translation>Quelque chose que j’aime</translation>
    </message>
</context>
<context>
    <name>wp::client::DraftListModel</name>
    <message>
        <source>No one chosen yet</source>
        <translation>Personne n’est encore choisi</translation>
    </message>
    <message>
        <source>An entry with no text yet</source>
        <translation>Une entrée encore sans texte</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 avec %2</translation>
    </message>
    <message>
        <source>No pseudonym yet</source>
        <translation>Pas encore de pseudonyme</translation>
    </message>
</context>
<context>
    <name>wp::client::Editor</name>
    <message>
        <source>This record could not be opened.</source>
        <translation>Cet enregistrement n’a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>Some fields need a look: see the messages next to them.</source>
        <translation>Certains champs sont à revoir : voyez les messages à côté.</translation>
    </message>
    <message>
        <source>The draft could not be kept: %1</source>
        <translation>Le brouillon n’a pas pu être gardé : %1</translation>
    </message>
    <message>
        <source>Only the person who wrote this record can delete it.</source>
        <translation>Seule la personne qui a écrit cet enregistrement peut le supprimer.</translation>
    </message>
    <message>
        <source>Only the person who wrote this record can change it.</source>
        <translation>Seule la personne qui a écrit cet enregistrement peut le modifier.</translation>
    </message>
</context>
<context>
    <name>wp::client::EncounterEditor</name>
    <message>
        <source>Choose who you met, or “Unnamed / brief contact”.</source>
        <translation>Choisissez qui vous avez rencontré, ou « Sans nom / contact bref ».</translation>
    </message>
    <message>
        <source>That participant no longer exists.</source>
        <translation>Ce participant n’existe plus.</translation>
    </message>
    <message>
        <source>That time is in the future: choose when the encounter took place.</source>
        <translation>Cette heure est dans le futur : choisissez l’heure de la rencontre.</translation>
    </message>
</context>
<context>
    <name>wp::client::EntryReaders</name>
    <message>
        <source>Only you</source>
        <translation>Vous seul</translation>
    </message>
    <message>
        <source>You and your supervisor</source>
        <translation>Vous et votre superviseur</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between supervisors' names</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>You and %1 (supervisor)</source>
        <translation>Vous et %1 (superviseur)</translation>
    </message>
    <message>
        <source>You and %1 (supervisors)</source>
        <translation>Vous et %1 (superviseurs)</translation>
    </message>
    <message>
        <source>This device does not sync, so a shared entry stays on it until it is set up to sync.</source>
        <translation>Cet appareil ne se synchronise pas : une entrée partagée y reste jusqu’à ce qu’il soit configuré pour la synchronisation.</translation>
    </message>
    <message>
        <source>No supervisor is assigned to you yet, so sharing reaches no one.</source>
        <translation>Aucun superviseur ne vous est encore attribué : le partage n’atteint personne.</translation>
    </message>
    <message>
        <source>Your supervisor can read it once this device has synced. Switching off removes their copy, but what they have read cannot be unread.</source>
        <translation>Votre superviseur pourra la lire une fois cet appareil synchronisé. Désactiver le partage supprime sa copie, mais ce qu’il a lu ne peut pas être oublié.</translation>
    </message>
    <message>
        <source>Switch on to share this one entry with your supervisor.</source>
        <translation>Activez pour partager cette seule entrée avec votre superviseur.</translation>
    </message>
    <message>
        <source>They can read it after the next sync. Switching off removes their copy, but what they have read cannot be unread.</source>
        <translation>Ils pourront la lire après la prochaine synchronisation. Désactiver le partage supprime leur copie, mais ce qu’ils ont lu ne peut pas être oublié.</translation>
    </message>
    <message>
        <source>Switch on to share this one entry with %1.</source>
        <translation>Activez pour partager cette seule entrée avec %1.</translation>
    </message>
</context>
<context>
    <name>wp::client::FailedChangeListModel</name>
    <message>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
</context>
<context>
    <name>wp::client::InsightsBoard</name>
    <message>
        <source>no rating</source>
        <translation>pas de note</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>week of %1: %2 (%3)</source>
        <translation>semaine du %1 : %2 (%3)</translation>
    </message>
    <message>
        <source>week of %1: none</source>
        <translation>semaine du %1 : aucune</translation>
    </message>
    <message>
        <source>Encounters per week, last %1 weeks, %2 in all: %3.</source>
        <translation>Rencontres par semaine, %1 dernières semaines, %2 au total : %3.</translation>
    </message>
    <message>
        <source>Caseload by stage: %1. Total: %2.</source>
        <translation>Suivis par étape : %1. Total : %2.</translation>
    </message>
    <message>
        <source>week of %1: wellbeing %2, stress %3</source>
        <translation>semaine du %1 : bien-être %2, stress %3</translation>
    </message>
    <message>
        <source>Wellbeing and stress, 1 to 5, weekly averages of %1 rated diary entries: %2.</source>
        <translation>Bien-être et stress, de 1 à 5, moyennes par semaine de %1 entrées notées du journal : %2.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucune pour l’instant</translation>
    </message>
    <message>
        <source>Self-care noted on: %1.</source>
        <translation>Prendre soin de soi, noté le : %1.</translation>
    </message>
</context>
<context>
    <name>wp::client::NewDeviceNotices</name>
    <message>
        <source>This device no longer waits for approval: it was approved, denied or revoked meanwhile.</source>
        <translation>Cet appareil n’attend plus d’approbation : il a été approuvé, refusé ou révoqué entre-temps.</translation>
    </message>
    <message>
        <source>These are not the numbers the new device shows. Nothing was sent: check each group on the new device and type them again.</source>
        <translation>Ce ne sont pas les chiffres affichés sur le nouvel appareil. Rien n’a été envoyé : vérifiez chaque groupe sur le nouvel appareil et saisissez-les à nouveau.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Nothing was changed; try again when you are online.</source>
        <translation>Le serveur est injoignable. Rien n’a été modifié ; réessayez une fois en ligne.</translation>
    </message>
    <message>
        <source>Asks to join your devices and waits for your approval.</source>
        <translation>Demande à rejoindre vos appareils et attend votre approbation.</translation>
    </message>
    <message>
        <source>Approved: it has your keys.</source>
        <translation>Approuvé : il a vos clés.</translation>
    </message>
    <message>
        <source>Enrolled with the recovery key. If this was not you, ask your administrator to revoke it.</source>
        <translation>Inscrit avec la clé de récupération. Si ce n’était pas vous, demandez à votre administrateur de le révoquer.</translation>
    </message>
    <message>
        <source>A new device asks to join: %1, %2</source>
        <translation>Nouvel appareil à approuver : %1, %2</translation>
    </message>
    <message>
        <source>This device does not wait for approval.</source>
        <translation>Cet appareil n’attend pas d’approbation.</translation>
    </message>
</context>
<context>
    <name>wp::client::OfflineLeaseGate</name>
    <message>
        <source>This phone is offline: connect to the internet and try again. Nothing on this phone is lost.</source>
        <translation>Ce téléphone est hors ligne : connectez-vous à internet et réessayez. Rien n’est perdu sur ce téléphone.</translation>
    </message>
    <message>
        <source>The server could not be reached: %1 Nothing on this phone is lost.</source>
        <translation>Le serveur n’a pas pu être joint : %1 Rien n’est perdu sur ce téléphone.</translation>
    </message>
</context>
<context>
    <name>wp::client::ParticipantDetail</name>
    <message>
        <source>Consent not yet asked.</source>
        <translation>Consentement pas encore demandé.</translation>
    </message>
    <message>
        <source>Consent given on %1.</source>
        <translation>Consentement donné le %1.</translation>
    </message>
    <message>
        <source>Consent given on %1: %2</source>
        <translation>Consentement donné le %1 : %2</translation>
    </message>
    <message>
        <source>Consent withdrawn on %1.</source>
        <translation>Consentement retiré le %1.</translation>
    </message>
    <message>
        <source>This participant could not be opened.</source>
        <translation>Ce participant n’a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>Say what they agreed to before recording consent.</source>
        <translation>Indiquez ce qui a été accepté avant de noter le consentement.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>consent state: what they agreed to</comment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Only the person who added %1 can change them.</source>
        <translation>Seule la personne qui a ajouté %1 peut modifier sa fiche.</translation>
    </message>
</context>
<context>
    <name>wp::client::ReviewThread</name>
    <message>
        <source>This entry is not here any more.</source>
        <translation>Cette entrée n’est plus ici.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>You acknowledged this</source>
        <translation>Vous l’avez pris en compte</translation>
    </message>
    <message>
        <source>Write a comment first.</source>
        <translation>Écrivez d’abord un commentaire.</translation>
    </message>
</context>
<context>
    <name>wp::client::Session</name>
    <message>
        <source>After too many wrong PINs the keys on this phone were destroyed and its records cannot be read. Set up Waypoint again.</source>
        <translation>Après trop de codes erronés, les clés de ce téléphone ont été détruites et ses données sont illisibles. Configurez Waypoint à nouveau.</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation><numerusform>Utilisez au moins %n caractère.</numerusform><numerusform>Utilisez au moins %n caractères.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>That is too long: at most %n characters.</source>
        <translation><numerusform>C’est trop long : au plus %n caractère.</numerusform><numerusform>C’est trop long : au plus %n caractères.</numerusform></translation>
    </message>
    <message>
        <source>Choose something harder to guess than one repeated character.</source>
        <translation>Choisissez quelque chose de plus difficile à deviner qu’un seul caractère répété.</translation>
    </message>
    <message>
        <source>The two entries are different. Type the same PIN twice.</source>
        <translation>Les deux saisies diffèrent. Tapez deux fois le même code.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Code erroné.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait, then try again.</source>
        <translation>Trop de codes erronés. Patientez, puis réessayez.</translation>
    </message>
    <message>
        <source>The encrypted file on this phone is damaged and cannot be opened.</source>
        <translation>Le fichier chiffré de ce téléphone est endommagé et ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>These records were written by a newer Waypoint. Update the app to open them.</source>
        <translation>Ces données ont été écrites par une version plus récente de Waypoint. Mettez l’application à jour pour les ouvrir.</translation>
    </message>
    <message>
        <source>Waypoint is already open in another window.</source>
        <translation>Waypoint est déjà ouvert dans une autre fenêtre.</translation>
    </message>
    <message>
        <source>The phone is out of storage space. Free some space and try again.</source>
        <translation>Le téléphone n’a plus d’espace de stockage. Libérez de la place et réessayez.</translation>
    </message>
    <message>
        <source>Waypoint could not open its records (%1).</source>
        <translation>Waypoint n’a pas pu ouvrir ses données (%1).</translation>
    </message>
    <message>
        <source>After too many wrong PINs the keys on this phone were destroyed. Set up Waypoint again.</source>
        <translation>Après trop de codes erronés, les clés de ce téléphone ont été détruites. Configurez Waypoint à nouveau.</translation>
    </message>
    <message>
        <source>The current PIN is wrong.</source>
        <translation>Le code actuel est erroné.</translation>
    </message>
    <message>
        <source>Waypoint's encrypted file is missing from this phone.</source>
        <translation>Le fichier chiffré de Waypoint est introuvable sur ce téléphone.</translation>
    </message>
    <message>
        <source>Waypoint's folder on this phone still holds an old encrypted file. Remove it, or set up Waypoint in another folder.</source>
        <translation>Le dossier de Waypoint sur ce téléphone contient encore un ancien fichier chiffré. Supprimez-le, ou installez Waypoint dans un autre dossier.</translation>
    </message>
    <message>
        <source>Digits in a row (like 123456) are among the first PINs anyone tries. Choose another, or a longer PIN.</source>
        <translation>Des chiffres qui se suivent (comme 123456) sont parmi les premiers codes qu’on essaie. Choisissez-en un autre, ou un code plus long.</translation>
    </message>
    <message>
        <source>That is one of the most common PINs. Choose another, or a longer PIN.</source>
        <translation>C’est l’un des codes les plus courants. Choisissez-en un autre, ou un code plus long.</translation>
    </message>
    <message>
        <source>This device's keychain is not available, and Waypoint needs it to open your records.</source>
        <translation>Le trousseau de cet appareil n’est pas disponible, et Waypoint en a besoin pour ouvrir vos données.</translation>
    </message>
    <message>
        <source>This device has no keychain Waypoint can use (%1). Without one, your records are protected by your PIN alone: someone with a copy of Waypoint's files could try every PIN on another computer.</source>
        <translation>Cet appareil n’a pas de trousseau que Waypoint puisse utiliser (%1). Sans trousseau, vos données ne sont protégées que par votre code : quelqu’un qui aurait une copie des fichiers de Waypoint pourrait essayer tous les codes sur un autre ordinateur.</translation>
    </message>
    <message>
        <source>A PIN is made of digits only. To use letters or words, choose “Use a passphrase instead of digits”.</source>
        <translation>Un code ne contient que des chiffres. Pour utiliser des lettres ou des mots, choisissez « Utiliser une phrase secrète plutôt que des chiffres ».</translation>
    </message>
</context>
<context>
    <name>wp::client::SyncConnection</name>
    <message>
        <source>Enter the server address.</source>
        <translation>Saisissez l’adresse du serveur.</translation>
    </message>
    <message>
        <source>Enter an address like https://sync.example.org</source>
        <translation>Saisissez une adresse comme https://sync.example.org</translation>
    </message>
    <message>
        <source>Enter the enrolment code.</source>
        <translation>Saisissez le code d’inscription.</translation>
    </message>
    <message>
        <source>An enrolment code has 16 letters and digits, like ABCD-EFGH-JKMN-PQRS.</source>
        <translation>Un code d’inscription compte 16 lettres et chiffres, comme ABCD-EFGH-JKMN-PQRS.</translation>
    </message>
    <message>
        <source>Type the recovery key shown when your first device was set up.</source>
        <translation>Tapez la clé de récupération affichée lors de la configuration de votre premier appareil.</translation>
    </message>
    <message>
        <source>That is not group %1 of your recovery key. Look at what you wrote down, or show the key again.</source>
        <translation>Ce n’est pas le groupe %1 de votre clé de récupération. Regardez ce que vous avez noté, ou affichez de nouveau la clé.</translation>
    </message>
    <message>
        <source>Give this device a name, like “Work phone”.</source>
        <translation>Donnez un nom à cet appareil, par exemple « Téléphone du travail ».</translation>
    </message>
    <message numerus="yes">
        <source>Use at most %n characters.</source>
        <translation><numerusform>Utilisez au plus %n caractère.</numerusform><numerusform>Utilisez au plus %n caractères.</numerusform></translation>
    </message>
    <message>
        <source>The name could not be saved on this phone.</source>
        <translation>Le nom n’a pas pu être enregistré sur ce téléphone.</translation>
    </message>
    <message>
        <source>%1 (supervisor)</source>
        <comment>the user's name and role on the sync page</comment>
        <translation>%1 (superviseur)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>the user's name, then their organisation's</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Use letters, digits and spaces.</source>
        <translation>Utilisez des lettres, des chiffres et des espaces.</translation>
    </message>
    <message>
        <source>The server cannot be reached just now. Waypoint keeps asking; you can also use your recovery key.</source>
        <translation>Le serveur est injoignable pour l’instant. Waypoint continue de demander ; vous pouvez aussi utiliser votre clé de récupération.</translation>
    </message>
    <message>
        <source>What came back is not an approval signed with your keys, so nothing was saved. Use your recovery key, and tell your administrator.</source>
        <translation>Ce qui est revenu n’est pas une approbation signée avec vos clés : rien n’a été enregistré. Utilisez votre clé de récupération et prévenez votre administrateur.</translation>
    </message>
</context>
<context>
    <name>wp::client::SyncStatus</name>
    <message>
        <source>Not enrolled</source>
        <translation>Non inscrit</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation><numerusform>%n changement à envoyer</numerusform><numerusform>%n changements à envoyer</numerusform></translation>
    </message>
    <message>
        <source>Up to date, except refused changes</source>
        <translation>À jour, sauf les changements refusés</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <source>Catching up with the server…</source>
        <translation>Remise à jour depuis le serveur…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Offline: changes wait on this phone</source>
        <translation>Hors ligne : les changements attendent sur ce téléphone</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Échec de la synchronisation</translation>
    </message>
    <message>
        <source>Sync off</source>
        <translation>Sans synchro</translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation><numerusform>%n à envoyer</numerusform><numerusform>%n à envoyer</numerusform></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchro…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>Erreur de synchro</translation>
    </message>
    <message>
        <source>Everything stays on this phone. Once your organisation enrols it, your records are kept end-to-end encrypted on the server so your other devices can sync them.</source>
        <translation>Tout reste sur ce téléphone. Une fois qu’il est inscrit par votre organisation, vos données sont gardées sur le serveur, chiffrées de bout en bout, pour que vos autres appareils puissent les synchroniser.</translation>
    </message>
    <message>
        <source>Saved on this phone; Waypoint sends it in a moment.</source>
        <translation>Enregistré sur ce téléphone ; Waypoint l’envoie dans un instant.</translation>
    </message>
    <message>
        <source>Everything else on this phone is on the server, encrypted.</source>
        <translation>Tout le reste de ce téléphone est aussi sur le serveur, chiffré.</translation>
    </message>
    <message>
        <source>Everything on this phone is on the server, encrypted.</source>
        <translation>Tout ce qui est sur ce téléphone est aussi sur le serveur, chiffré.</translation>
    </message>
    <message>
        <source>The server tidied up while this phone was away: Waypoint is fetching everything again (%1 so far). Changes waiting on this phone are kept and sent.</source>
        <translation>Le serveur a fait du tri pendant l’absence de ce téléphone : Waypoint récupère tout à nouveau (%1 pour l’instant). Les modifications en attente sur ce téléphone sont gardées et envoyées.</translation>
    </message>
    <message>
        <source>Received %1, sent %2.</source>
        <translation>Reçus : %1, envoyés : %2.</translation>
    </message>
    <message>
        <source>No connection.</source>
        <translation>Pas de connexion.</translation>
    </message>
    <message>
        <source>Nothing is lost: Waypoint sends your changes when the connection returns.</source>
        <translation>Rien n’est perdu : Waypoint enverra vos changements quand la connexion reviendra.</translation>
    </message>
    <message>
        <source>Waypoint tries again automatically.</source>
        <translation>Waypoint réessaiera automatiquement.</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <source>Last synced today at %1</source>
        <translation>Dernière synchronisation aujourd’hui à %1</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Dernière synchronisation : %1</translation>
    </message>
    <message>
        <source>One step left: the recovery key</source>
        <translation>Il reste une étape : la clé de récupération</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation><numerusform>%n conflit à résoudre</numerusform><numerusform>%n conflits à résoudre</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation><numerusform>%n conflit</numerusform><numerusform>%n conflits</numerusform></translation>
    </message>
    <message>
        <source>A text was changed on this phone and on another device before they synced. Both versions are kept until you choose.</source>
        <translation>Un texte a été modifié sur ce téléphone et sur un autre appareil avant leur synchronisation. Les deux versions sont gardées jusqu’à ce que vous choisissiez.</translation>
    </message>
    <message>
        <source>One step left: your keys</source>
        <translation>Il reste une étape : vos clés</translation>
    </message>
</context>
<context>
    <name>wp::client::TeamModel</name>
    <message>
        <source>Nothing to review</source>
        <translation>Rien à relire</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) to review</source>
        <translation><numerusform>%n entrée à relire</numerusform><numerusform>%n entrées à relire</numerusform></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <source>Last synced just now</source>
        <translation>Synchronisé à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n min ago</source>
        <translation><numerusform>Synchronisé il y a %n min</numerusform><numerusform>Synchronisé il y a %n min</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n h ago</source>
        <translation><numerusform>Synchronisé il y a %n h</numerusform><numerusform>Synchronisé il y a %n h</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n day(s) ago</source>
        <translation><numerusform>Synchronisé il y a %n jour</numerusform><numerusform>Synchronisé il y a %n jours</numerusform></translation>
    </message>
    <message>
        <source>Wellbeing rising</source>
        <translation>Bien-être en hausse</translation>
    </message>
    <message>
        <source>Wellbeing falling</source>
        <translation>Bien-être en baisse</translation>
    </message>
    <message>
        <source>Wellbeing steady</source>
        <translation>Bien-être stable</translation>
    </message>
    <message>
        <source>No wellbeing ratings shared</source>
        <translation>Aucune note de bien-être partagée</translation>
    </message>
    <message>
        <source>Too few ratings for a trend</source>
        <translation>Trop peu de notes pour une tendance</translation>
    </message>
</context>
<context>
    <name>wp::client::ToDiscussModel</name>
    <message>
        <source>your supervisor</source>
        <translation>votre superviseur</translation>
    </message>
    <message>
        <source>you</source>
        <comment>raised by you</comment>
        <translation>vous</translation>
    </message>
    <message>
        <source>Raised by %1</source>
        <translation>Signalée par %1</translation>
    </message>
</context>
</TS>