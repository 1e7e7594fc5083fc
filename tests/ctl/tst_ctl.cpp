// SPDX-License-Identifier: GPL-3.0-or-later
// waypointctl end to end: the real binary on a real encrypted store, driven with QProcess.
// Each run unlocks with the shipped Argon2id parameters, as a user's would.
#include "DeviceStore.h"
#include "QtKeychainKeyStore.h"
#include <QElapsedTimer>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

const QString Pin = QStringLiteral("739164");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
};

QList<QJsonObject> jsonLines(const QString &text)
{
    QList<QJsonObject> objects;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return {}; // every line must be one object
        objects << doc.object();
    }
    return objects;
}

} // namespace

class TestCtl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    bool m_pinPrinted = false;

    Run ctl(const QStringList &args, const QString &pin = Pin, const QString &newPin = {},
            const QString &dataDir = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("WAYPOINT_PIN"));
        env.remove(QStringLiteral("WAYPOINT_NEW_PIN"));
        if (!pin.isNull())
            env.insert(QStringLiteral("WAYPOINT_PIN"), pin);
        if (!newPin.isNull())
            env.insert(QStringLiteral("WAYPOINT_NEW_PIN"), newPin);
        process.setProcessEnvironment(env);
        // No controlling terminal: a missing PIN must fail, not wait at a prompt.
        process.setChildProcessModifier([] { ::setsid(); });
        QStringList all{QStringLiteral("--data-dir"), dataDir.isEmpty() ? m_dir.path() : dataDir};
        all << args;
        process.start(QStringLiteral(WAYPOINTCTL_PATH), all);
        if (!process.waitForFinished(120'000))
            qFatal("waypointctl did not finish");
        Run run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        if (run.out.contains(Pin) || run.err.contains(Pin))
            m_pinPrinted = true;
        return run;
    }

    static void expectOneErrorLine(const Run &run, int exitCode)
    {
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(run.errLines().first().startsWith(u"waypointctl: "), qPrintable(run.err));
    }

private slots:
    void cleanup() { QVERIFY2(!m_pinPrinted, "the PIN must never be printed"); }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Run init = ctl({QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("vault.cbor"))));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("waypoint.db"))));
        expectOneErrorLine(ctl({QStringLiteral("init")}), 4); // never over an existing store
    }

    void diaryEntryIsListedAndFound()
    {
        const Run add =
            ctl({QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"),
                 QStringLiteral("Court visit with R went well; housing officer listened"),
                 QStringLiteral("--wellbeing"), QStringLiteral("4"), QStringLiteral("--theme"),
                 QStringLiteral("wins"), QStringLiteral("--theme"), QStringLiteral("professionals"),
                 QStringLiteral("--self-care"), QStringLiteral("Took a break"),
                 QStringLiteral("--self-care"), QStringLiteral("Repos"),
                 QStringLiteral("--self-care"), QStringLiteral("Walked the dog")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const QString id = add.out.trimmed();
        QCOMPARE(id.size(), 36);

        const Run list =
            ctl({QStringLiteral("diary"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        const QList<QJsonObject> entries = jsonLines(list.out);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0][QStringLiteral("id")].toString(), id);
        QCOMPARE(entries[0][QStringLiteral("type")].toString(), QStringLiteral("diary"));
        QVERIFY(
            entries[0][QStringLiteral("text")].toString().contains(u"housing officer listened"));
        QCOMPARE(entries[0][QStringLiteral("wellbeing")].toInt(), 4);
        QCOMPARE(entries[0][QStringLiteral("shared")].toBool(true), false); // private by default
        // Self-care by key, as the app writes it; a label (English or French) names its key.
        QCOMPARE(entries[0][QStringLiteral("selfCare")].toVariant().toStringList(),
                 (QStringList{QStringLiteral("took_break"), QStringLiteral("rest"),
                              QStringLiteral("Walked the dog")}));

        const Run found = ctl({QStringLiteral("search"), QStringLiteral("housing officer"),
                               QStringLiteral("--json")});
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        const QList<QJsonObject> hits = jsonLines(found.out);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0][QStringLiteral("id")].toString(), id);
        QCOMPARE(hits[0][QStringLiteral("type")].toString(), QStringLiteral("diary"));

        const Run none =
            ctl({QStringLiteral("search"), QStringLiteral("zeppelin"), QStringLiteral("--json")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.isEmpty());
    }

    void participantAndEncounter()
    {
        const Run participant = ctl(
            {QStringLiteral("participant"), QStringLiteral("add"), QStringLiteral("--pseudonym"),
             QStringLiteral("JD-17"), QStringLiteral("--stage"), QStringLiteral("partnership"),
             QStringLiteral("--consent-scope"), QStringLiteral("notes and referrals")});
        QVERIFY2(participant.exitCode == 0, qPrintable(participant.err));
        const QString participantId = participant.out.trimmed();

        const Run encounter = ctl(
            {QStringLiteral("encounter"),     QStringLiteral("add"),
             QStringLiteral("--participant"), participantId,
             QStringLiteral("--place"),       QStringLiteral("shelter"),
             QStringLiteral("--need"),        QStringLiteral("housing"),
             QStringLiteral("--need"),        QStringLiteral("harm_reduction"),
             QStringLiteral("--supply"),      QStringLiteral("naloxone"),
             QStringLiteral("--supply"),      QStringLiteral("Sharps bin"),
             QStringLiteral("--duration"),    QStringLiteral("25"),
             QStringLiteral("--note"),        QStringLiteral("Talked through the tenancy letter"),
             QStringLiteral("--follow-up"),   QStringLiteral("2031-05-02")});
        QVERIFY2(encounter.exitCode == 0, qPrintable(encounter.err));

        const QList<QJsonObject> encounters = jsonLines(
            ctl({QStringLiteral("encounter"), QStringLiteral("list"), QStringLiteral("--json")})
                .out);
        QCOMPARE(encounters.size(), 1);
        const QJsonObject e = encounters[0];
        QCOMPARE(e[QStringLiteral("id")].toString(), encounter.out.trimmed());
        QCOMPARE(e[QStringLiteral("type")].toString(), QStringLiteral("encounter"));
        QCOMPARE(e[QStringLiteral("note")].toString(),
                 QStringLiteral("Talked through the tenancy letter"));
        QCOMPARE(e[QStringLiteral("participantId")].toString(), participantId);
        QCOMPARE(e[QStringLiteral("supplies")].toVariant().toStringList(),
                 (QStringList{QStringLiteral("naloxone"), QStringLiteral("sharps_bin")}));

        const QList<QJsonObject> participants = jsonLines(
            ctl({QStringLiteral("participant"), QStringLiteral("list"), QStringLiteral("--json")})
                .out);
        QCOMPARE(participants.size(), 1);
        QCOMPARE(participants[0][QStringLiteral("pseudonym")].toString(), QStringLiteral("JD-17"));
        QCOMPARE(participants[0][QStringLiteral("type")].toString(), QStringLiteral("participant"));

        // An encounter for a participant who does not exist is refused as bad input.
        expectOneErrorLine(ctl({QStringLiteral("encounter"), QStringLiteral("add"),
                                QStringLiteral("--participant"),
                                QStringLiteral("01890000-0000-7000-8000-000000000000")}),
                           2);
    }

    // encounter edit changes what is given and keeps the rest and the id; encounter delete
    // asks (a script must say --yes), then the encounter is gone and the audit chain holds.
    void encounterEditAndDelete()
    {
        QTemporaryDir dir;
        const auto run = [&](const QStringList &args) { return ctl(args, Pin, {}, dir.path()); };
        QCOMPARE(run({QStringLiteral("init")}).exitCode, 0);
        const Run added =
            run({QStringLiteral("encounter"), QStringLiteral("add"), QStringLiteral("--place"),
                 QStringLiteral("shelter"), QStringLiteral("--need"), QStringLiteral("housing"),
                 QStringLiteral("--duration"), QStringLiteral("20"), QStringLiteral("--note"),
                 QStringLiteral("tea")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QString id = added.out.trimmed();
        const auto encounters = [&] {
            return jsonLines(
                run({QStringLiteral("encounter"), QStringLiteral("list"), QStringLiteral("--json")})
                    .out);
        };

        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        const QString atText = at.toString(Qt::ISODate);
        const Run edited =
            run({QStringLiteral("encounter"), QStringLiteral("edit"), id, QStringLiteral("--at"),
                 atText, QStringLiteral("--place"), QStringLiteral("outreach"),
                 QStringLiteral("--needs"), QStringLiteral("practical"), QStringLiteral("--notes"),
                 QStringLiteral("tea and the housing form")});
        QVERIFY2(edited.exitCode == 0, qPrintable(edited.err));
        QCOMPARE(edited.out.trimmed(), id);
        QList<QJsonObject> list = encounters();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0][QStringLiteral("id")].toString(), id);
        QCOMPARE(list[0][QStringLiteral("note")].toString(),
                 QStringLiteral("tea and the housing form"));
        QCOMPARE(list[0][QStringLiteral("place")].toString(), QStringLiteral("outreach"));
        QCOMPARE(list[0][QStringLiteral("needs")].toVariant().toStringList(),
                 QStringList{QStringLiteral("practical")});
        QCOMPARE(qint64(list[0][QStringLiteral("occurredAt")].toDouble()),
                 QDateTime::fromString(atText, Qt::ISODate).toMSecsSinceEpoch());
        QCOMPARE(list[0][QStringLiteral("durationMinutes")].toInt(), 20); // the rest is kept

        // Bad input exits 2 with one line, and changes nothing.
        const QString unknown = QStringLiteral("01890000-0000-7000-8000-000000000000");
        for (const QStringList &args :
             {QStringList{QStringLiteral("encounter"), QStringLiteral("edit"), unknown,
                          QStringLiteral("--note"), QStringLiteral("x")},
              QStringList{QStringLiteral("encounter"), QStringLiteral("edit"), id,
                          QStringLiteral("--at"),
                          QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate)},
              QStringList{QStringLiteral("encounter"), QStringLiteral("edit"), id,
                          QStringLiteral("--place"), QStringLiteral("moon")},
              QStringList{QStringLiteral("encounter"), QStringLiteral("edit")},
              QStringList{QStringLiteral("encounter"), QStringLiteral("delete"), unknown,
                          QStringLiteral("--yes")}})
            expectOneErrorLine(run(args), 2);
        QCOMPARE(encounters().first()[QStringLiteral("note")].toString(),
                 QStringLiteral("tea and the housing form"));

        // Without a terminal to ask on, a deletion needs --yes.
        const Run unconfirmed = run({QStringLiteral("encounter"), QStringLiteral("delete"), id});
        expectOneErrorLine(unconfirmed, 2);
        QVERIFY2(unconfirmed.err.contains(u"--yes"), qPrintable(unconfirmed.err));
        QCOMPARE(encounters().size(), 1);

        const Run deleted = run(
            {QStringLiteral("encounter"), QStringLiteral("delete"), id, QStringLiteral("--yes")});
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err));
        QVERIFY(deleted.out.contains(id));
        QCOMPARE(encounters().size(), 0);
        QVERIFY(run({QStringLiteral("search"), QStringLiteral("housing")}).out.trimmed().isEmpty());
        const Run audit = run({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(audit.exitCode == 0 && audit.out.contains(u"intact"), qPrintable(audit.out));
        expectOneErrorLine(run({QStringLiteral("encounter"), QStringLiteral("delete"), id,
                                QStringLiteral("--yes")}),
                           2);
    }

    void auditChainVerifies()
    {
        const Run audit = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(audit.exitCode == 0, qPrintable(audit.err));
        QVERIFY(audit.out.contains(u"intact"));
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("diary"), QStringLiteral("eat")};
        QTest::newRow("unknown option") << QStringList{
            QStringLiteral("diary"), QStringLiteral("list"), QStringLiteral("--colour")};
        QTest::newRow("missing value") << QStringList{
            QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text")};
        QTest::newRow("no text") << QStringList{QStringLiteral("diary"), QStringLiteral("add")};
        QTest::newRow("rating out of range") << QStringList{
            QStringLiteral("diary"), QStringLiteral("add"),         QStringLiteral("--text"),
            QStringLiteral("x"),     QStringLiteral("--wellbeing"), QStringLiteral("9")};
        QTest::newRow("unknown theme") << QStringList{
            QStringLiteral("diary"), QStringLiteral("add"),     QStringLiteral("--text"),
            QStringLiteral("x"),     QStringLiteral("--theme"), QStringLiteral("weather")};
        QTest::newRow("overlong text")
            << QStringList{QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"),
                           QString(20001, u'a')};
        QTest::newRow("bad date") << QStringList{QStringLiteral("encounter"), QStringLiteral("add"),
                                                 QStringLiteral("--follow-up"),
                                                 QStringLiteral("tomorrow")};
        QTest::newRow("search without query") << QStringList{QStringLiteral("search")};
        QTest::newRow("PIN as an argument") << QStringList{
            QStringLiteral("--pin"), Pin, QStringLiteral("diary"), QStringLiteral("list")};
    }

    void badUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        expectOneErrorLine(ctl(args), 2);
    }

    void promptReadsThePinWithoutEcho()
    {
        QTemporaryDir dir;
        QCOMPARE(ctl({QStringLiteral("init")}, Pin, {}, dir.path()).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"),
                      QStringLiteral("typed at the prompt")},
                     Pin, {}, dir.path())
                     .exitCode,
                 0);

        // Everything the child needs is prepared before fork: after it, only exec.
        const QByteArray program(WAYPOINTCTL_PATH);
        const QByteArray dataDir = QFile::encodeName(dir.path());
        std::vector<char *> argv{const_cast<char *>("waypointctl"),
                                 const_cast<char *>("--data-dir"),
                                 const_cast<char *>(dataDir.constData()),
                                 const_cast<char *>("diary"),
                                 const_cast<char *>("list"),
                                 nullptr};
        std::vector<char *> envp;
        for (char **e = environ; *e; ++e)
            if (std::strncmp(*e, "WAYPOINT_PIN=", 13) != 0)
                envp.push_back(*e);
        envp.push_back(nullptr);

        int terminal = -1;
        const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
        QVERIFY(pid >= 0);
        if (pid == 0) {
            ::execve(program.constData(), argv.data(), envp.data());
            ::_exit(127);
        }
        QByteArray screen;
        auto readUntil = [&](const QByteArray &wanted, int timeoutMs) {
            QElapsedTimer timer;
            timer.start();
            while (!screen.contains(wanted) && timer.elapsed() < timeoutMs) {
                pollfd p{terminal, POLLIN, 0};
                if (::poll(&p, 1, 100) <= 0)
                    continue;
                char buffer[512];
                const ssize_t got = ::read(terminal, buffer, sizeof buffer);
                if (got <= 0)
                    break; // the child closed the terminal
                screen.append(buffer, got);
            }
        };
        readUntil("PIN: ", 30'000);
        QVERIFY2(screen.contains("PIN: "), screen.constData());
        const QByteArray typed = Pin.toUtf8() + '\n';
        QCOMPARE(::write(terminal, typed.constData(), std::size_t(typed.size())),
                 ssize_t(typed.size()));
        readUntil("typed at the prompt", 60'000);
        int status = 0;
        QElapsedTimer waited;
        waited.start();
        while (::waitpid(pid, &status, WNOHANG) == 0) {
            if (waited.elapsed() > 60'000) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, &status, 0);
                break;
            }
            QThread::msleep(20);
        }
        ::close(terminal);
        QVERIFY2(screen.contains("typed at the prompt"), screen.constData());
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        QVERIFY2(!screen.contains(Pin.toUtf8()), "the PIN must not be echoed");
    }

    void missingPinWithoutTerminalExitsTwo()
    {
        expectOneErrorLine(ctl({QStringLiteral("diary"), QStringLiteral("list")}, QString()), 2);
    }

    void wrongPinExitsThreeThenBacksOff()
    {
        QTemporaryDir dir;
        QCOMPARE(ctl({QStringLiteral("init")}, Pin, {}, dir.path()).exitCode, 0);
        const QStringList list{QStringLiteral("diary"), QStringLiteral("list")};
        // Wrong PINs in separate processes: the count and, from the third on, the wait carry
        // over. Five wrong PINs make the next try wait 4 s, longer than a process start.
        int failures = 0;
        bool waited = false;
        QElapsedTimer guard;
        guard.start();
        while (failures < 5 && guard.elapsed() < 60'000) {
            const Run wrong = ctl(list, QStringLiteral("000000"), {}, dir.path());
            expectOneErrorLine(wrong, 3);
            if (wrong.err.contains(u"Try again")) { // refused before trying: not counted
                waited = true;
                QThread::msleep(250);
                continue;
            }
            ++failures;
            QVERIFY2(wrong.err.contains(QStringLiteral("%1 attempts left").arg(10 - failures)),
                     qPrintable(wrong.err));
        }
        QCOMPARE(failures, 5);
        QVERIFY2(waited, "wrong PINs must make the next try wait");
        const Run locked = ctl(list, Pin, {}, dir.path()); // even the right PIN waits
        expectOneErrorLine(locked, 3);
        QVERIFY2(locked.err.contains(u"Try again"), qPrintable(locked.err));

        const Run status =
            ctl({QStringLiteral("status"), QStringLiteral("--json")}, QString(), {}, dir.path());
        QCOMPARE(status.exitCode, 0);
        const QJsonObject s = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QCOMPARE(s[QStringLiteral("failedAttempts")].toInt(), 5);
        QCOMPARE(s[QStringLiteral("attemptsLeft")].toInt(), 5);
        QVERIFY(s[QStringLiteral("retryAfterMs")].toInteger() > 0);
    }

    void changePinKeepsTheData()
    {
        QTemporaryDir dir;
        QCOMPARE(ctl({QStringLiteral("init")}, Pin, {}, dir.path()).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"),
                      QStringLiteral("before the change")},
                     Pin, {}, dir.path())
                     .exitCode,
                 0);
        const QString newPin = QStringLiteral("51824936");
        const Run changed = ctl({QStringLiteral("change-pin")}, Pin, newPin, dir.path());
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        QVERIFY(!changed.out.contains(newPin));
        expectOneErrorLine(
            ctl({QStringLiteral("diary"), QStringLiteral("list")}, Pin, {}, dir.path()), 3);
        const Run list =
            ctl({QStringLiteral("diary"), QStringLiteral("list"), QStringLiteral("--json")}, newPin,
                {}, dir.path());
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(u"before the change"));
    }

    void participantRenameKeepsTheRecord()
    {
        QTemporaryDir dir;
        QCOMPARE(ctl({QStringLiteral("init")}, Pin, {}, dir.path()).exitCode, 0);
        const Run added = ctl({QStringLiteral("participant"), QStringLiteral("add"),
                               QStringLiteral("--pseudonym"), QStringLiteral("JD-17")},
                              Pin, {}, dir.path());
        QCOMPARE(added.exitCode, 0);
        const QString id = added.out.trimmed();
        const Run renamed = ctl({QStringLiteral("participant"), QStringLiteral("rename"), id,
                                 QStringLiteral("--pseudonym"), QStringLiteral("JD-18")},
                                Pin, {}, dir.path());
        QCOMPARE(renamed.exitCode, 0);
        QCOMPARE(renamed.out.trimmed(), id);
        const QList<QJsonObject> listed = jsonLines(
            ctl({QStringLiteral("participant"), QStringLiteral("list"), QStringLiteral("--json")},
                Pin, {}, dir.path())
                .out);
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().value(u"pseudonym").toString(), QStringLiteral("JD-18"));
        // An empty name or an unknown id: one error line, nothing changed.
        expectOneErrorLine(ctl({QStringLiteral("participant"), QStringLiteral("rename"), id,
                                QStringLiteral("--pseudonym"), QStringLiteral("  ")},
                               Pin, {}, dir.path()),
                           2);
        expectOneErrorLine(ctl({QStringLiteral("participant"), QStringLiteral("rename"),
                                QUuid::createUuid().toString(QUuid::WithoutBraces),
                                QStringLiteral("--pseudonym"), QStringLiteral("X")},
                               Pin, {}, dir.path()),
                           2);
    }

    void participantDeleteAsksThenErases()
    {
        QTemporaryDir dir;
        QCOMPARE(ctl({QStringLiteral("init")}, Pin, {}, dir.path()).exitCode, 0);
        const auto add = [&](const QStringList &args) {
            const Run run = ctl(args, Pin, {}, dir.path());
            return run.exitCode == 0 ? run.out.trimmed() : QString();
        };
        const auto count = [&](const char *kind) {
            return jsonLines(ctl({QString::fromLatin1(kind), QStringLiteral("list"),
                                  QStringLiteral("--json")},
                                 Pin, {}, dir.path())
                                 .out)
                .size();
        };
        const QString mo = add({QStringLiteral("participant"), QStringLiteral("add"),
                                QStringLiteral("--pseudonym"), QStringLiteral("Mo")});
        const QString kit = add({QStringLiteral("participant"), QStringLiteral("add"),
                                 QStringLiteral("--pseudonym"), QStringLiteral("Kit")});
        QVERIFY(!mo.isEmpty() && !kit.isEmpty());
        for (const QString &who : {mo, mo, kit})
            QVERIFY(!add({QStringLiteral("encounter"), QStringLiteral("add"),
                          QStringLiteral("--participant"), who, QStringLiteral("--note"),
                          QStringLiteral("zephyrquill")})
                         .isEmpty());

        // Without --yes and without a terminal to ask on: refused, saying what would go.
        const Run unconfirmed =
            ctl({QStringLiteral("participant"), QStringLiteral("delete"), mo}, Pin, {}, dir.path());
        expectOneErrorLine(unconfirmed, 2);
        QVERIFY2(unconfirmed.err.contains(u"Mo and 2 encounters will be removed"),
                 qPrintable(unconfirmed.err));
        QVERIFY(unconfirmed.err.contains(u"--yes"));
        QCOMPARE(count("participant"), 2);

        const Run erased = ctl(
            {QStringLiteral("participant"), QStringLiteral("delete"), mo, QStringLiteral("--yes")},
            Pin, {}, dir.path());
        QVERIFY2(erased.exitCode == 0, qPrintable(erased.err));
        QVERIFY(erased.out.contains(u"2 linked records"));
        QCOMPARE(count("participant"), 1);
        QCOMPARE(count("encounter"), 1);
        QCOMPARE(jsonLines(ctl({QStringLiteral("search"), QStringLiteral("zephyrquill"),
                                QStringLiteral("--json")},
                               Pin, {}, dir.path())
                               .out)
                     .size(),
                 1);
        // Gone: a second delete is bad input.
        expectOneErrorLine(ctl({QStringLiteral("participant"), QStringLiteral("delete"), mo,
                                QStringLiteral("--yes")},
                               Pin, {}, dir.path()),
                           2);

        // Withdrawing consent erases too.
        expectOneErrorLine(
            ctl({QStringLiteral("participant"), QStringLiteral("withdraw-consent"), kit}, Pin, {},
                dir.path()),
            2);
        const Run withdrawn =
            ctl({QStringLiteral("participant"), QStringLiteral("withdraw-consent"), kit,
                 QStringLiteral("--yes")},
                Pin, {}, dir.path());
        QVERIFY2(withdrawn.exitCode == 0, qPrintable(withdrawn.err));
        QVERIFY(withdrawn.out.contains(u"consent withdrawn"));
        QCOMPARE(count("participant"), 0);
        QCOMPARE(count("encounter"), 0);
        QCOMPARE(
            ctl({QStringLiteral("audit"), QStringLiteral("verify")}, Pin, {}, dir.path()).exitCode,
            0);
    }

    void corruptedDatabaseExitsFour()
    {
        QTemporaryDir dir;
        QCOMPARE(ctl({QStringLiteral("init")}, Pin, {}, dir.path()).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("diary"), QStringLiteral("add"), QStringLiteral("--text"),
                      QStringLiteral("soon unreadable")},
                     Pin, {}, dir.path())
                     .exitCode,
                 0);
        QFile db(dir.filePath(QStringLiteral("waypoint.db")));
        QVERIFY(db.open(QIODevice::ReadWrite));
        QVERIFY(db.size() > 64);
        db.seek(0);
        db.write(QByteArray(64, '\x5a')); // the SQLCipher salt and first page header
        db.close();
        const Run run = ctl({QStringLiteral("diary"), QStringLiteral("list")}, Pin, {}, dir.path());
        expectOneErrorLine(run, 4);

        QVERIFY(db.resize(0)); // truncated to nothing
        expectOneErrorLine(
            ctl({QStringLiteral("diary"), QStringLiteral("list")}, Pin, {}, dir.path()), 4);
    }

    void storeOpenElsewhereExitsFour()
    {
        // The app (here: this process) has the store open; waypointctl must not write to it.
        QByteArray pin = Pin.toUtf8();
        wp::QtKeychainKeyStore keychain; // init wrapped the store's key with the keychain too
        auto app = wp::DeviceStore::open(m_dir.path(), wp::SecretBytes::takeFrom(pin),
                                         wp::VaultEnvironment::withKeyStore(&keychain));
        QVERIFY2(app, qPrintable(app ? QString() : app.error().message));
        const Run busy = ctl({QStringLiteral("diary"), QStringLiteral("add"),
                              QStringLiteral("--text"), QStringLiteral("while the app is open")});
        expectOneErrorLine(busy, 4);
        QVERIFY2(busy.err.contains(u"another Waypoint process"), qPrintable(busy.err));
    }

    void initWrapsTheKeyWithTheKeychain()
    {
        // The suite runs with a real secret service (tests/with-keyring): init uses it.
        QTemporaryDir dir;
        const Run init = ctl({QStringLiteral("init")}, Pin, {}, dir.path());
        QCOMPARE(init.exitCode, 0);
        QVERIFY2(init.out.contains(u"keychain"), qPrintable(init.out));
        const Run status =
            ctl({QStringLiteral("status"), QStringLiteral("--json")}, QString(), {}, dir.path());
        QVERIFY(QJsonDocument::fromJson(status.out.toUtf8())
                    .object()[QStringLiteral("deviceWrapped")]
                    .toBool());
        QCOMPARE(
            ctl({QStringLiteral("diary"), QStringLiteral("list")}, Pin, {}, dir.path()).exitCode,
            0);
    }

    void initWithoutAKeychainFailsClosedUnlessPinOnlyIsChosen()
    {
        // No secret service reachable: nothing is created that silently lacks the second wrap.
        QTemporaryDir dir;
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/waypoint-test-bus");
        const Run init = ctl({QStringLiteral("init")}, Pin, {}, dir.path());
        const Run pinOnly =
            ctl({QStringLiteral("init"), QStringLiteral("--pin-only")}, Pin, {}, dir.path());
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
        QCOMPARE(init.exitCode, 4);
        QVERIFY2(init.err.contains(u"keychain") && init.err.contains(u"--pin-only"),
                 qPrintable(init.err));
        // The explicit choice works and says what it is.
        QCOMPARE(pinOnly.exitCode, 0);
        QVERIFY2(pinOnly.out.contains(u"PIN only"), qPrintable(pinOnly.out));
        const Run status =
            ctl({QStringLiteral("status"), QStringLiteral("--json")}, QString(), {}, dir.path());
        QVERIFY(!QJsonDocument::fromJson(status.out.toUtf8())
                     .object()[QStringLiteral("deviceWrapped")]
                     .toBool());
    }

    void theUnlockCostIsMeasuredOnThisMachine()
    {
        // init sizes Argon2id to this machine: at least libsodium's interactive floor, and
        // more passes for a longer unlock time; status says what was chosen.
        const auto cost = [&](const QString &unlockMs) {
            QTemporaryDir dir;
            const Run init = ctl({QStringLiteral("init"), QStringLiteral("--pin-only"),
                                  QStringLiteral("--unlock-ms"), unlockMs},
                                 Pin, {}, dir.path());
            if (init.exitCode != 0)
                return QJsonObject();
            return QJsonDocument::fromJson(ctl({QStringLiteral("status"), QStringLiteral("--json")},
                                               QString(), {}, dir.path())
                                               .out.toUtf8())
                .object();
        };
        const QJsonObject quick = cost(QStringLiteral("100"));
        const QJsonObject slow = cost(QStringLiteral("1500"));
        QVERIFY(quick[u"argon2idMiB"].toInt() >= 64);
        QVERIFY(quick[u"argon2idPasses"].toInt() >= 2);
        const auto work = [](const QJsonObject &o) {
            return o[u"argon2idMiB"].toInt() * o[u"argon2idPasses"].toInt();
        };
        QVERIFY2(work(slow) > work(quick),
                 qPrintable(QStringLiteral("%1 MiB x %2 against %3 MiB x %4")
                                .arg(slow[u"argon2idMiB"].toInt())
                                .arg(slow[u"argon2idPasses"].toInt())
                                .arg(quick[u"argon2idMiB"].toInt())
                                .arg(quick[u"argon2idPasses"].toInt())));

        QTemporaryDir dir;
        expectOneErrorLine(
            ctl({QStringLiteral("init"), QStringLiteral("--unlock-ms"), QStringLiteral("5")}, Pin,
                {}, dir.path()),
            2);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("vault.cbor"))));
    }

    void trivialPinsAreRefused()
    {
        for (const char *pin : {"123456", "000000", "987654", "112233", "12345"}) {
            QTemporaryDir dir;
            const Run init =
                ctl({QStringLiteral("init")}, QString::fromLatin1(pin), {}, dir.path());
            expectOneErrorLine(init, 2);
            QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("vault.cbor"))));
        }
    }

    void killedDuringThePinCheckIsNotAWrongPin()
    {
        // The low-memory killer ends waypointctl while Argon2id checks the PIN, four times.
        // None of that is a PIN found wrong: the next wrong PIN leaves 9 attempts, not 5.
        QTemporaryDir dir;
        QCOMPARE(ctl({QStringLiteral("init")}, Pin, {}, dir.path()).exitCode, 0);
        const auto status = [&] {
            return QJsonDocument::fromJson(ctl({QStringLiteral("status"), QStringLiteral("--json")},
                                               QString(), {}, dir.path())
                                               .out.toUtf8())
                .object();
        };
        const auto waitOutBackoff = [&] {
            for (int i = 0; i < 200; ++i) {
                const qint64 wait = status()[QStringLiteral("retryAfterMs")].toInteger();
                if (wait <= 0)
                    return;
                QThread::msleep(std::min<qint64>(wait, 250));
            }
        };
        int kills = 0;
        for (int tries = 0; kills < 4 && tries < 20; ++tries) {
            waitOutBackoff();
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("WAYPOINT_PIN"), QStringLiteral("000000"));
            process.setProcessEnvironment(env);
            process.start(QStringLiteral(WAYPOINTCTL_PATH),
                          {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("diary"),
                           QStringLiteral("list")});
            // The vault file changes when the check starts (its "checking" mark is written
            // before Argon2id runs): kill then, however loaded the machine is.
            const QString vault = dir.filePath(QStringLiteral("vault.cbor"));
            const QByteArray before = readAll(vault);
            QVERIFY(process.waitForStarted());
            QElapsedTimer waited;
            waited.start();
            while (readAll(vault) == before && waited.elapsed() < 20000 &&
                   process.state() == QProcess::Running)
                QThread::msleep(2);
            process.kill(); // SIGKILL
            process.waitForFinished();
            // Counted only if the kill landed inside the check (not before it started).
            if (status()[QStringLiteral("interruptedAttempts")].toInt() == kills + 1)
                ++kills;
        }
        QCOMPARE(kills, 4);
        QCOMPARE(status()[QStringLiteral("failedAttempts")].toInt(), 0);
        waitOutBackoff();
        Run wrong;
        for (int i = 0; i < 40; ++i) { // the interruptions may still make it wait
            wrong = ctl({QStringLiteral("diary"), QStringLiteral("list")}, QStringLiteral("000000"),
                        {}, dir.path());
            if (!wrong.err.contains(u"Try again"))
                break;
            QThread::msleep(250);
        }
        expectOneErrorLine(wrong, 3);
        QVERIFY2(wrong.err.contains(u"9 attempts left"), qPrintable(wrong.err));
    }

    void defaultDataDirIsTheApps()
    {
        // Without --data-dir, waypointctl uses the app's folder (organisation and application
        // "Waypoint"): ~/.local/share/Waypoint/Waypoint.
        QTemporaryDir home;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        env.insert(QStringLiteral("WAYPOINT_PIN"), Pin);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(WAYPOINTCTL_PATH), {QStringLiteral("init")});
        QVERIFY(process.waitForFinished(120'000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QFile::exists(home.filePath(QStringLiteral("Waypoint/Waypoint/vault.cbor"))));
        QVERIFY(QFile::exists(home.filePath(QStringLiteral("Waypoint/Waypoint/waypoint.db"))));
    }

    void missingStoreExitsFour()
    {
        QTemporaryDir dir;
        expectOneErrorLine(
            ctl({QStringLiteral("diary"), QStringLiteral("list")}, Pin, {}, dir.path()), 4);
    }
};

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_ctl.moc"
