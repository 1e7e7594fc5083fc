// SPDX-License-Identifier: GPL-3.0-or-later
// Qt Quick Test runner for the screens. Each test file gets its own QML engine and its own
// App over a fresh encrypted store in a temporary folder. QApplication is constructed here,
// before quick_test_main, because Qt Charts need it.
#include "AppContext.h"
#include "InMemoryKeyStore.h"
#include "ListModels.h"
#include "Store.h"
#include "SyncIdentity.h"
#include "Uuid.h"
#include "crypto/DeviceApproval.h"
#include "crypto/UserKeys.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWaitCondition>
#include <QtQuickTest>

#include <memory>
#include <utility>
#include <vector>

#include <malloc.h>

#if defined(__SANITIZE_ADDRESS__)
// From the sanitizer runtime's allocator interface (GCC 12 ships no header declaring it).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#define WP_UNDER_ASAN 1
#else
#define WP_UNDER_ASAN 0
#endif

using namespace wp::client;

// What the process holds, for the tests that lock and unlock many times (as `MemoryProbe`).
class MemoryProbe : public QObject
{
    Q_OBJECT
public:
    // Bytes in live allocations: what a leak grows, whatever the allocator keeps after free().
    Q_INVOKABLE double heapInUseMb() const
    {
#if WP_UNDER_ASAN
        // ASan replaces malloc; glibc's mallinfo2 then knows nothing.
        return double(__sanitizer_get_current_allocated_bytes()) / (1024.0 * 1024.0);
#else
        const struct mallinfo2 info = mallinfo2();
        return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
#endif
    }
    // False under ASan: its quarantine keeps freed blocks resident on purpose (to catch use
    // after free), so resident memory grows with every free and says nothing about leaks.
    Q_INVOKABLE bool residentTracksFrees() const
    {
        return !WP_UNDER_ASAN;
    }
    Q_INVOKABLE double residentMb() const
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        return -1;
    }
};

// The device keychain the apps' vaults use, which a test can make hold a PIN check half-way
// (the check reads the keychain's key first, on the worker thread) to see the screen while
// the PIN is being checked, however fast the test's key derivation is.
class HeldKeyStore final : public wp::SecureKeyStore
{
public:
    explicit HeldKeyStore(wp::SecureKeyStore *inner) : m_inner(inner) {}
    ~HeldKeyStore() override { hold(false); }

    void hold(bool held)
    {
        QMutexLocker lock(&m_mutex);
        m_held = held;
        if (!held)
            m_released.wakeAll();
    }

    wp::Status store(const QString &name, const wp::SecretBytes &secret) override
    {
        return m_inner->store(name, secret);
    }
    wp::Result<wp::SecretBytes> load(const QString &name) override
    {
        {
            QMutexLocker lock(&m_mutex);
            while (m_held)
                m_released.wait(&m_mutex);
        }
        return m_inner->load(name);
    }
    wp::Status remove(const QString &name) override { return m_inner->remove(name); }

private:
    wp::SecureKeyStore *m_inner;
    QMutex m_mutex;
    QWaitCondition m_released;
    bool m_held = false;
};

// Lets a test file hand its data folder to the next file (as `Harness`): the next file gets a
// new engine and a new App over the same folder, as the app restarted after being killed.
class Harness : public QObject
{
    Q_OBJECT
public:
    void started(AppContext *app, QString dataDir)
    {
        m_app = app;
        m_dataDir = std::move(dataDir);
    }
    // Sealed draft files in the data folder now.
    Q_INVOKABLE int draftFiles() const
    {
        return int(QDir(QDir(m_dataDir).filePath(QStringLiteral("drafts")))
                       .entryList({QStringLiteral("*.draft")}, QDir::Files)
                       .size());
    }
    // Closes the store (so the next App can open it) and keeps the folder for the next file.
    Q_INVOKABLE void handOverDataDir()
    {
        m_app->session()->lock();
        m_handedOver = m_dataDir;
    }
    QString takeHandedOver() { return std::exchange(m_handedOver, QString()); }

    // `n` diary entries written over the past days, oldest last (the diary lists newest first).
    Q_INVOKABLE bool addDiaryEntries(int n)
    {
        wp::Store *store = m_app->session()->store();
        auto batch = store->batch();
        if (!batch)
            return false;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < n; ++i) {
            wp::DiaryEntry e;
            e.text = QStringLiteral("Entry number %1").arg(i + 1);
            e.writtenAt = now.addSecs(-3600 * (i + 1));
            if (!store->diary().save(e))
                return false;
        }
        if (!batch->commit())
            return false;
        m_app->diary()->reload();
        return true;
    }

    // A pull: `n` new diary entries written on another device of the worker (newest of all,
    // so at the top of the diary), and a new text for the entry `editedId`, merged into this
    // device's store as the sync engine merges them; then the app is told, as after a sync.
    Q_INVOKABLE bool mergeFromOtherDevice(int n, const QString &editedId)
    {
        wp::Store *store = m_app->session()->store();
        QTemporaryDir otherDir;
        auto other = wp::Store::open(otherDir.filePath(QStringLiteral("other.db")),
                                     wp::SecretBytes::random(wp::Store::KeyBytes),
                                     wp::Store::Mode::CreateNew);
        if (!other)
            return false;
        for (int i = 0; i < n; ++i) {
            wp::DiaryEntry e;
            e.text = QStringLiteral("From the tablet %1").arg(i + 1);
            e.writtenAt = QDateTime::currentDateTimeUtc().addSecs(i);
            if (!(*other)->diary().save(e))
                return false;
        }
        auto edited = store->diary().get(wp::idFromText(editedId));
        if (!edited)
            return false;
        edited->text = QStringLiteral("Edited on the tablet");
        if (!(*other)->diary().save(*edited))
            return false;
        auto changes = (*other)->outbox().pending(1000);
        if (!changes)
            return false;
        QList<wp::RemoteChange> remote;
        for (const wp::OutboxEntry &entry : std::as_const(*changes))
            remote.append(entry.change);
        if (!store->applyRemote(remote, QByteArrayLiteral("cursor-1")))
            return false;
        Q_EMIT m_app->sync()->remoteChangesApplied();
        return true;
    }

    // Two changes the server refused for good: a new participant's ("not_author") and a
    // diary entry's ("malformed"), as SyncEngine marks them after a push.
    Q_INVOKABLE int refuseChanges()
    {
        wp::Store *store = m_app->session()->store();
        wp::Participant p;
        p.pseudonym = QStringLiteral("R.F.");
        wp::DiaryEntry d;
        d.text = QStringLiteral("Private words that the refused list never shows");
        d.writtenAt = QDateTime::currentDateTimeUtc();
        auto savedP = store->participants().save(p);
        auto savedD = store->diary().save(d);
        auto pending = store->outbox().pending(1000);
        if (!savedP || !savedD || !pending)
            return -1;
        QList<std::pair<qint64, QString>> refused;
        for (const wp::OutboxEntry &e : std::as_const(*pending)) {
            if (e.change.recordId == savedP->id)
                refused.append({e.seq, QStringLiteral("not_author")});
            else if (e.change.recordId == savedD->id)
                refused.append({e.seq, QStringLiteral("malformed")});
        }
        if (!store->outbox().markFailed(refused, QDateTime::currentMSecsSinceEpoch()))
            return -1;
        m_app->sync()->localChange();
        return int(refused.size());
    }

    // A diary entry saved here as `mine` and, before it was sent, changed to `theirs` on
    // another device whose edit is newer: a pull keeps `mine` as a conflict. Returns its id.
    Q_INVOKABLE QString conflictFromOtherDevice(const QString &mine, const QString &theirs)
    {
        wp::Store *store = m_app->session()->store();
        wp::DiaryEntry d;
        d.text = mine;
        d.writtenAt = QDateTime::currentDateTimeUtc();
        auto saved = store->diary().save(d);
        if (!saved)
            return {};
        wp::RemoteChange change;
        change.recordId = saved->id;
        change.type = wp::RecordType::DiaryEntry;
        change.fields.insert(QStringLiteral("text"), theirs);
        change.stamp = {QDateTime::currentMSecsSinceEpoch() + 1000, 0, QUuid::createUuid()};
        change.stamps.insert(QStringLiteral("text"), change.stamp);
        auto merged = store->applyRemote({change}, store->syncCursor());
        if (!merged || merged->conflicts != 1)
            return {};
        Q_EMIT m_app->sync()->remoteChangesApplied();
        m_app->sync()->localChange();
        return wp::idText(saved->id);
    }

    // An encounter with `participantId` that a colleague wrote on their phone, pulled here:
    // this worker may read it, not change it (Authorship.h). Returns its id.
    Q_INVOKABLE QString encounterFromColleague(const QString &participantId)
    {
        wp::Encounter e;
        e.id = wp::createUuidV7();
        e.createdAt = QDateTime::currentDateTimeUtc();
        e.occurredAt = e.createdAt.addSecs(-600);
        e.participantId = wp::idFromText(participantId);
        e.note = QStringLiteral("Written by a colleague");
        return fromColleague(e);
    }
    // A participant a colleague added on their phone, pulled here. Returns its id.
    Q_INVOKABLE QString participantFromColleague(const QString &pseudonym)
    {
        wp::Participant p;
        p.id = wp::createUuidV7();
        p.createdAt = QDateTime::currentDateTimeUtc();
        p.pseudonym = pseudonym;
        p.moveToStage(wp::Stage::SafePlace, QDate::currentDate());
        return fromColleague(p);
    }
    // The user's first supervisor (as learnSupervisors named them) raised `entryId` for the
    // next supervision, on their phone; the raise is pulled here. Returns its id.
    Q_INVOKABLE QString raiseFromSupervisor(const QString &entryId)
    {
        auto id = wp::sync::SyncIdentity::load(*m_app->session()->store());
        if (!id || id->supervisors.isEmpty())
            return {};
        wp::Comment raise;
        raise.id = wp::createUuidV7();
        raise.diaryEntryId = wp::idFromText(entryId);
        raise.raise = true;
        raise.raisedAt = QDateTime::currentDateTimeUtc();
        raise.writtenAt = raise.raisedAt;
        raise.createdAt = raise.raisedAt;
        return fromColleague(raise, id->supervisors.first().userId);
    }
    template <class R> QString fromColleague(const R &record, QUuid author = QUuid::createUuid())
    {
        wp::Store *store = m_app->session()->store();
        wp::RemoteChange change;
        change.recordId = record.id;
        change.type = R::Type;
        change.fields = record.toFields();
        change.stamp = {QDateTime::currentMSecsSinceEpoch(), 0, QUuid::createUuid()};
        for (auto it = change.fields.begin(); it != change.fields.end(); ++it)
            change.stamps.insert(it.key().toString(), change.stamp);
        change.author = author;
        auto merged = store->applyRemote({change}, store->syncCursor(), {},
                                         wp::sync::SyncIdentity::localUser(*store));
        if (!merged || merged->applied == 0)
            return {};
        Q_EMIT m_app->sync()->remoteChangesApplied();
        return wp::idText(record.id);
    }

    // This device enrolled with a server that is not there (nothing listens at the address),
    // for `userName` of `organisationName`: the identity as enrolment saves it, with keys. The
    // app reads it at its next unlock.
    Q_INVOKABLE bool enrolWithAbsentServer(const QString &userName, const QString &organisationName,
                                           const QString &role)
    {
        wp::sync::SyncIdentity id;
        id.credentials.serverUrl = QStringLiteral("http://127.0.0.1:9");
        id.credentials.organisationId = wp::createUuidV7();
        id.credentials.userId = wp::createUuidV7();
        id.credentials.deviceId = wp::createUuidV7();
        id.credentials.role = role;
        id.credentials.token = wp::SecretBytes::random(32);
        id.keys = wp::crypto::UserKeys::generate();
        id.privateAudience = wp::createUuidV7();
        id.userName = userName;
        id.organisationName = organisationName;
        id.deviceName = m_app->connection()->deviceName();
        return id.save(*m_app->session()->store()).ok();
    }

    // This device enrolled with a server that is not there, for a user who has keys on another
    // device, having asked for approval: the identity as Enrolment saves it while it waits.
    // The app reads it at its next unlock. Returns the request's fingerprint.
    Q_INVOKABLE QString awaitApprovalWithAbsentServer()
    {
        wp::sync::SyncIdentity id;
        id.credentials.serverUrl = QStringLiteral("http://127.0.0.1:9");
        id.credentials.organisationId = wp::createUuidV7();
        id.credentials.userId = wp::createUuidV7();
        id.credentials.deviceId = wp::createUuidV7();
        id.credentials.role = QStringLiteral("worker");
        id.credentials.token = wp::SecretBytes::random(32);
        id.userHadKeys = true;
        id.approvalRequest = wp::crypto::RequestKeys::generate();
        id.deviceName = m_app->connection()->deviceName();
        if (!id.save(*m_app->session()->store()))
            return {};
        return wp::crypto::requestFingerprint(id.approvalRequest.publicKey);
    }
    // The server, as it were, listing a new device of this user that waits for approval, as
    // `name`. Returns the number that device shows.
    Q_INVOKABLE QString listWaitingDevice(const QString &name)
    {
        wp::wire::NewDevice d;
        d.deviceId = wp::createUuidV7();
        d.name = name;
        d.platform = QStringLiteral("android");
        d.enrolledAtMs = QDateTime::currentMSecsSinceEpoch() - 60000;
        d.state = QStringLiteral("pending");
        d.requestKey = wp::crypto::RequestKeys::generate().publicKey;
        m_app->newDevices()->showListed({d});
        return wp::crypto::requestFingerprint(d.requestKey);
    }

    // This device enrolled (with a server that is not there) for a user in `role`, who
    // supervises `workerName` and is supervised by `supervisorName` (either may be empty).
    // Returns the other person's user id; the app reads the identity at once.
    Q_INVOKABLE QString enrolForReview(const QString &role, const QString &workerName,
                                       const QString &supervisorName)
    {
        if (!enrolWithAbsentServer(QStringLiteral("Me"), QStringLiteral("Org"), role))
            return {};
        wp::Store *store = m_app->session()->store();
        auto id = wp::sync::SyncIdentity::load(*store);
        if (!id)
            return {};
        const QUuid other = wp::createUuidV7();
        if (!workerName.isEmpty())
            id->workers.append({other, workerName});
        if (!supervisorName.isEmpty())
            id->supervisors.append({other, supervisorName});
        if (!id->save(*store))
            return {};
        m_app->review()->refresh();
        return wp::idText(other);
    }
    // A diary entry `author` shared with this device's user, pulled here. Returns its id.
    Q_INVOKABLE QString sharedEntryFrom(const QString &author, const QString &text, int daysAgo)
    {
        wp::DiaryEntry e;
        e.id = wp::createUuidV7();
        e.writtenAt = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
        e.createdAt = e.writtenAt;
        e.text = text;
        e.shared = true;
        e.themes = {wp::DiaryTheme::Boundaries};
        return fromColleague(e, wp::idFromText(author));
    }
    // A comment by `author` on this user's entry `entryId`, pulled here. Returns its id.
    Q_INVOKABLE QString commentFrom(const QString &author, const QString &entryId,
                                    const QString &text)
    {
        wp::Comment c;
        c.id = wp::createUuidV7();
        c.diaryEntryId = wp::idFromText(entryId);
        c.text = text;
        c.writtenAt = QDateTime::currentDateTimeUtc();
        c.createdAt = c.writtenAt;
        return fromColleague(c, wp::idFromText(author));
    }

    // A sync of this (enrolled) device learnt the user's supervisors: `names` as the key
    // directory gives them; an empty list is "none assigned". False when not enrolled.
    Q_INVOKABLE bool learnSupervisors(const QStringList &names)
    {
        auto id = wp::sync::SyncIdentity::load(*m_app->session()->store());
        if (!id)
            return false;
        id->supervisors.clear();
        for (const QString &name : names)
            id->supervisors.append({wp::createUuidV7(), name});
        id->supervisorsLearnt = true;
        if (!id->save(*m_app->session()->store()))
            return false;
        m_app->connection()->refreshIdentity();
        return true;
    }

    // The device keychain the app's vault uses: off, it refuses as a machine without one does.
    Q_INVOKABLE void setKeystoreAvailable(bool available) { m_keystore->setAvailable(available); }
    void useKeystore(wp::InMemoryKeyStore *keystore, HeldKeyStore *held)
    {
        m_keystore = keystore;
        m_held = held;
    }
    // While held, a PIN check waits (the app shows it busy) until released.
    Q_INVOKABLE void holdPinChecks(bool held) { m_held->hold(held); }

    // A real key press and release in the app's window, as from a hardware keyboard: it goes
    // to the shortcuts, then to the item with the keyboard focus there. chordClick holds
    // modifiers (Qt.ControlModifier...) down with the key.
    Q_INVOKABLE bool keyClick(QObject *window, int key) { return chordClick(window, key, 0); }
    Q_INVOKABLE bool chordClick(QObject *window, int key, int modifiers)
    {
        auto *quickWindow = qobject_cast<QQuickWindow *>(window);
        if (!quickWindow)
            return false;
        QTest::keyClick(quickWindow, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        return true;
    }

private:
    wp::InMemoryKeyStore *m_keystore = nullptr;
    HeldKeyStore *m_held = nullptr;
    AppContext *m_app = nullptr;
    QString m_dataDir;
    QString m_handedOver;
};

class Setup : public QObject
{
    Q_OBJECT
public:
    ~Setup() override
    {
        m_apps.clear();
        m_dirs.clear();
    }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        m_harness.useKeystore(&m_keystore, &m_heldKeystore);
        const QString handedOver = m_harness.takeHandedOver();
        auto dir = std::make_unique<QTemporaryDir>();
        const QString path = handedOver.isEmpty() ? dir->path() : handedOver;
        wp::VaultPolicy policy;
        policy.kdf = wp::KdfParams::fastForTests();
        policy.baseDelay = std::chrono::milliseconds(300);
        // The app's own path: the vault is wrapped by the device keychain too.
        auto app = std::make_unique<AppContext>(
            Session::Options{path, policy, wp::PinPolicy::MinLength, &m_heldKeystore});
        app->attach(engine);
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("MemoryProbe"), &m_probe);
        engine->rootContext()->setContextProperty(QStringLiteral("Harness"), &m_harness);
        m_harness.started(app.get(), path);
        m_apps.push_back(std::move(app));
        m_dirs.push_back(std::move(dir));
    }

private:
    wp::InMemoryKeyStore m_keystore;
    HeldKeyStore m_heldKeystore{&m_keystore};
    MemoryProbe m_probe;
    Harness m_harness;
    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;
    std::vector<std::unique_ptr<AppContext>> m_apps;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    AppContext::useMaterialStyle();
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "waypoint_qml", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_qml.moc"
