// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Screen requests from anywhere in the app ("open the participant page for id X"); the shell
// listens and pushes the page. Keeps screens from knowing about each other's files.
QtObject {
    signal open(string screen, var properties)
    // Back to the tabs, dropping every pushed screen.
    signal home()
    // Shows one of the home tabs (0 Today, 1 Caseload, 2 Diary, 3 Supervision, 4 Review
    // for a supervisor).
    signal tab(int index)
    // The enrolment QR code's text, read by the scan page (qml/scan) for the enrolment form.
    signal enrolmentScanned(string text)
    // Quick hide, from any screen (its Hide button, Ctrl+H): the shell lets open forms keep
    // what is typed and notes the screens, then the session covers the app and locks.
    signal hide()
    // The screens open when the app was hidden ({ screen, properties }, bottom first), opened
    // again after the next unlock. Ids only, in memory: what was typed is in the drafts.
    property var reopen: []
}
