# SPDX-License-Identifier: GPL-3.0-or-later
"""French text for supervisors' review marks, comments and acknowledgements.
fill_translations.py merges these."""

FR_REVIEW = {
 'It acknowledges a comment on a diary entry its sender did not write.': 'Il accuse réception d’un commentaire sur une entrée du journal que son expéditeur n’a pas écrite.',
}
