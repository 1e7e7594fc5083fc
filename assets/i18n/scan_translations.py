# SPDX-License-Identifier: GPL-3.0-or-later
"""French for scanning the enrolment QR code (qml/scan and the form's "Scan QR code")."""

FR_SCAN = {
 'Scan QR code': 'Scanner le code QR',
 'Scan the enrolment QR code with the camera': 'Scanner le code QR d’inscription avec la caméra',
 'No camera found. Paste the code instead.': 'Aucune caméra trouvée. Collez plutôt le code.',
 'The camera cannot be used. Waypoint may not be allowed to use it. Paste the code instead.':
     'La caméra ne peut pas être utilisée. Waypoint n’a peut-être pas l’autorisation de s’en servir. Collez plutôt le code.',
 'Starting the camera\u2026': 'Démarrage de la caméra\u2026',
 'This QR code is not a Waypoint enrolment code. Scan the one your administrator gave you.':
     'Ce code QR n’est pas un code d’inscription Waypoint. Scannez celui que votre administrateur vous a donné.',
 'Hold the QR code from your administrator inside the frame. It is read as soon as it is sharp.':
     'Placez le code QR de votre administrateur dans le cadre. Il est lu dès qu’il est net.',
 'Copy the text of the QR code (it starts with waypoint:) or type the code printed under it.':
     'Copiez le texte du code QR (il commence par waypoint:) ou tapez le code imprimé en dessous.',
 'Paste instead': 'Coller plutôt',
 'Paste the code instead': 'Coller le code plutôt',
 'Cancel scanning': 'Annuler le scan',
}
