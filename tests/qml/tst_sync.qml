import QtQuick
import QtTest
import Waypoint
import Waypoint.Ui

// The header's sync indicator and the sync section of Settings: validation of the server
// address and the code, the QR code's text pasted whole, and a clear message when the server
// cannot be reached. (Enrolling against the real server: tests/appsync/tst_app_sync.)
TestCase {
    id: testCase
    name: "Sync"
    when: windowShown
    visible: true
    width: 360
    height: 780

    Component { id: shellComponent; Shell { anchors.fill: parent } }
    property Item shell: null

    function cleanupTestCase() {
        shell.destroy()
    }

    function initTestCase() {
        App.session.createPin("135790", "135790")
        tryCompare(App.session, "state", Session.Unlocked, 5000)
        shell = shellComponent.createObject(testCase)
        verify(shell !== null)
    }

    function page(name) {
        let found = null
        tryVerify(() => { found = findChild(shell, name); return found !== null && found.visible }, 3000,
                  "no screen " + name)
        tryCompare(shell, "busy", false)
        return found
    }
    function reveal(item) {
        let flick = item.parent
        while (flick && flick.contentY === undefined)
            flick = flick.parent
        if (!flick)
            return
        const y = item.mapToItem(flick.contentItem, 0, 0).y
        if (y < flick.contentY || y + item.height > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(y - 80, flick.contentHeight - flick.height))
        wait(20)
    }
    function tap(root, name) {
        const item = findChild(root, name)
        verify(item !== null, "no item " + name)
        reveal(item)
        mouseClick(item)
        return item
    }
    function setText(root, name, text) {
        const field = findChild(root, name)
        verify(field !== null, "no field " + name)
        field.text = text
        return field
    }

    function test_1_indicatorSaysNotEnrolledAndOpensTheSyncPage() {
        compare(App.sync.state, SyncController.NotEnrolled)
        const home = page("home")
        const indicator = findChild(home, "syncIndicator")
        verify(indicator !== null)
        verify(indicator.visible)
        verify(indicator.height >= 48)
        verify(indicator.width >= 48)
        compare(indicator.Accessible.name, "Sync: Not enrolled")
        tap(home, "syncIndicator")
        const syncPage = page("syncPage")
        compare(findChild(syncPage, "syncStatus").text, "Not enrolled")
        verify(findChild(syncPage, "syncEnrolButton").visible)
        verify(!findChild(syncPage, "syncNowButton").visible)
        Nav.home()
        tryCompare(shell, "busy", false)
    }

    function test_2_settingsRefusesAnEmptyAddressAndCode() {
        Nav.open("settings", {})
        const settings = page("settingsPage")
        const section = findChild(settings, "syncSection")
        verify(section !== null)
        compare(findChild(section, "syncServerError").text, "")
        tap(section, "syncEnrolButton")
        verify(findChild(section, "syncServerError").visible)
        compare(findChild(section, "syncServerError").text, "Enter the server address.")
        compare(findChild(section, "syncCodeError").text, "Enter the enrolment code.")
        compare(App.sync.enrolStep, SyncController.EnterCode)

        setText(section, "syncServerField", "sync.example.org")
        setText(section, "syncCodeField", "12345")
        tap(section, "syncEnrolButton")
        verify(findChild(section, "syncServerError").text.indexOf("https://") >= 0)
        verify(findChild(section, "syncCodeError").text.indexOf("16") >= 0)
        compare(App.sync.state, SyncController.NotEnrolled)
    }

    function test_3_theQrCodesTextFillsBothFields() {
        const section = findChild(page("settingsPage"), "syncSection")
        setText(section, "syncServerField", "")
        const code = setText(section, "syncCodeField",
                             "waypoint:enrol?code=ABCD-EFGH-JKMN-PQRS&server=http%3A%2F%2F127.0.0.1%3A9")
        compare(code.text, "ABCD-EFGH-JKMN-PQRS")
        compare(findChild(section, "syncServerField").text, "http://127.0.0.1:9")
    }

    function test_4_anUnreachableServerIsSaidPlainly() {
        const section = findChild(page("settingsPage"), "syncSection")
        tap(section, "syncEnrolButton")
        compare(findChild(section, "syncServerError").text, "")
        compare(findChild(section, "syncCodeError").text, "")
        tryCompare(App.sync, "enrolStep", SyncController.EnterCode, 15000)
        const message = findChild(section, "syncEnrolMessage")
        tryVerify(() => message.visible && message.text.indexOf("cannot be reached") >= 0, 5000)
        compare(App.sync.state, SyncController.NotEnrolled)
        verify(!findChild(section, "syncPassphrase").visible)
    }
}
