# SPDX-License-Identifier: GPL-3.0-or-later
"""French for approval by an existing device: the new device's choice and waiting screen
(qml/sync/KeyApprovalSection, app/client/sync/SyncConnectionApproval), the new devices on the
sync page and Today, and the approve page (qml/sync/NewDevicesSection, ApproveDevicePage,
app/client/sync/NewDeviceNotices). fill_translations.py merges these."""

FR_APPROVAL = {
 # the new device
 'One step left: your keys': 'Il reste une étape : vos clés',
 'You already use Waypoint on another device. How should your keys come to this one?':
     'Vous utilisez déjà Waypoint sur un autre appareil. Comment vos clés doivent-elles arriver sur celui-ci ?',
 'Asking…': 'Demande en cours…',
 'Approve from another device': 'Approuver depuis un autre appareil',
 'Approve this device from another of your devices': 'Approuver cet appareil depuis un autre de vos appareils',
 'Recommended: your phone or computer that has Waypoint already shows this device; you check a number there and approve.':
     'Recommandé : votre téléphone ou ordinateur qui a déjà Waypoint affiche cet appareil ; vous y vérifiez un numéro et vous approuvez.',
 'Waiting for approval': 'En attente d’approbation',
 'On your other device, open Sync and approve this device; check the numbers match.':
     'Sur votre autre appareil, ouvrez Synchronisation et approuvez cet appareil ; vérifiez que les numéros correspondent.',
 'Request number: %1': 'Numéro de la demande : %1',
 'This screen moves on by itself once the other device approves. You can lock Waypoint meanwhile.':
     'Cet écran avance tout seul dès que l’autre appareil approuve. Vous pouvez verrouiller Waypoint en attendant.',
 'Use my recovery key': 'Utiliser ma clé de récupération',
 'Use my recovery key instead': 'Utiliser plutôt ma clé de récupération',
 'Back to waiting for approval': 'Revenir à l’attente d’approbation',
 'Approve from another device instead': 'Approuver plutôt depuis un autre appareil',
 'The server cannot be reached just now. Waypoint keeps asking; you can also use your recovery key.':
     'Le serveur est injoignable pour l’instant. Waypoint continue de demander ; vous pouvez aussi utiliser votre clé de récupération.',
 'What came back is not an approval signed with your keys, so nothing was saved. Use your recovery key, and tell your administrator.':
     'Ce qui est revenu n’est pas une approbation signée avec vos clés : rien n’a été enregistré. Utilisez votre clé de récupération et prévenez votre administrateur.',
 # the device that decides
 'New devices': 'Nouveaux appareils',
 'Asks to join your devices and waits for your approval.':
     'Demande à rejoindre vos appareils et attend votre approbation.',
 'Approved: it has your keys.': 'Approuvé : il a vos clés.',
 'Enrolled with the recovery key. If this was not you, ask your administrator to revoke it.':
     'Inscrit avec la clé de récupération. Si ce n’était pas vous, demandez à votre administrateur de le révoquer.',
 'A new device asks to join: %1, %2': 'Nouvel appareil à approuver : %1, %2',
 'Approve it only if it is yours.': 'Ne l’approuvez que s’il est à vous.',
 'Check': 'Vérifier',
 '%1 · enrolled %2': '%1 · inscrit le %2',
 'Enrolled %1': 'Inscrit le %1',
 'Deny': 'Refuser',
 'Deny %1': 'Refuser %1',
 'Deny %1?': 'Refuser %1 ?',
 'Approve': 'Approuver',
 'Approve %1': 'Approuver %1',
 'Dismiss': 'Masquer',
 'Dismiss the notice of %1': 'Masquer l’avis concernant %1',
 'The device is revoked and erases itself. If it was yours, you will need a new enrolment code for it.':
     'L’appareil est révoqué et s’efface. S’il était à vous, il lui faudra un nouveau code d’inscription.',
 'Approve a device': 'Approuver un appareil',
 'Approve only a device you hold now. It then receives your keys and can read your records.':
     'N’approuvez qu’un appareil que vous avez en main. Il reçoit alors vos clés et peut lire vos fiches.',
 'Type the six groups of numbers the new device shows':
     'Saisissez les six groupes de chiffres affichés sur le nouvel appareil',
 'Group %1 of 6': 'Groupe %1 sur 6',
 'Approving…': 'Approbation…',
 'Approve this device': 'Approuver cet appareil',
 'Approved. The new device receives your keys at its next check and then shows your key fingerprint: it should read %1.':
     'Approuvé. Le nouvel appareil reçoit vos clés à sa prochaine vérification puis affiche l’empreinte de vos clés : elle doit être %1.',
 'This device does not wait for approval.': 'Cet appareil n’attend pas d’approbation.',
 'These are not the numbers the new device shows. Nothing was sent: check each group on the new device and type them again.':
     'Ce ne sont pas les chiffres affichés sur le nouvel appareil. Rien n’a été envoyé : vérifiez chaque groupe sur le nouvel appareil et saisissez-les à nouveau.',
 'This device no longer waits for approval: it was approved, denied or revoked meanwhile.':
     'Cet appareil n’attend plus d’approbation : il a été approuvé, refusé ou révoqué entre-temps.',
 'The server cannot be reached. Nothing was changed; try again when you are online.':
     'Le serveur est injoignable. Rien n’a été modifié ; réessayez une fois en ligne.',
}
