// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandDispatcher.h"

#include "CommandOptions.h"
#include "ConflictCommands.h"
#include "DeviceCommands.h"
#include "DeviceStore.h"
#include "KdfCalibration.h"
#include "NewDeviceCommands.h"
#include "OfflineLease.h"
#include "PinInput.h"
#include "PinPolicy.h"
#include "QtKeychainKeyStore.h"
#include "Records.h"
#include "ReviewCommands.h"
#include "Store.h"
#include "SyncCommands.h"
#include "SyncIdentity.h"
#include "TeamCommands.h"
#include "Uuid.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <climits>

#include <unistd.h>

namespace wp::ctl {
namespace {

// One JSON object per record: its sync fields plus id and type.
template <typename T> QJsonObject toJson(const T &record)
{
    QJsonObject object = record.toFields().toJsonObject();
    object.insert(QStringLiteral("id"), idText(record.id));
    object.insert(QStringLiteral("type"), keyOf(T::Type));
    return object;
}

QString oneLine(QString text, int max = 80)
{
    text.replace(u'\n', u' ');
    return text.size() > max ? text.left(max - 1) + QChar(0x2026) : text;
}

QString summary(const DiaryEntry &d)
{
    return oneLine(d.text);
}
QString summary(const Participant &p)
{
    return p.pseudonym + u' ' + keyOf(p.stage);
}
QString summary(const Encounter &e)
{
    return keyOf(e.place) + u' ' + oneLine(e.note);
}

QString stripMarks(QString snippet)
{
    snippet.remove(SearchHit::MatchStart);
    snippet.remove(SearchHit::MatchEnd);
    return snippet;
}

// The same rule as the app's first run (PinPolicy), in waypointctl's words.
Status checkNewPin(const SecretBytes &pin)
{
    QString text = QString::fromUtf8(pin.view().data(), pin.view().size());
    const PinPolicy::Problem problem = PinPolicy::check(text);
    wipe(text);
    switch (problem) {
    case PinPolicy::Problem::None:
        return {};
    case PinPolicy::Problem::TooShort:
        return usage(QStringLiteral("The new PIN must have at least %1 characters.")
                         .arg(PinPolicy::MinLength));
    case PinPolicy::Problem::TooLong:
        return usage(QStringLiteral("The new PIN must have at most %1 characters.")
                         .arg(PinPolicy::MaxLength));
    case PinPolicy::Problem::Repeated:
        return usage(QStringLiteral("The new PIN is one repeated character; choose another."));
    case PinPolicy::Problem::Sequence:
        return usage(QStringLiteral("The new PIN is digits in a row, among the first anyone "
                                    "tries; choose another."));
    case PinPolicy::Problem::Common:
        return usage(QStringLiteral("The new PIN is one of the most common PINs; choose "
                                    "another."));
    }
    return {};
}

VaultEnvironment deviceEnvironment(SecureKeyStore *keyStore)
{
    return VaultEnvironment::withKeyStore(keyStore);
}

// The PIN's Argon2id cost, measured on this machine within --unlock-ms (default 750 ms).
Result<KdfParams> calibratedKdf(const ParsedCommand &command)
{
    int ms = 750;
    if (command.has(QStringLiteral("unlock-ms"))) {
        bool ok = false;
        ms = command.value(QStringLiteral("unlock-ms")).toInt(&ok);
        if (!ok || ms < 100 || ms > 5000)
            return usage(QStringLiteral("--unlock-ms takes a number of milliseconds from 100 "
                                        "to 5000."));
    }
    return calibrateKdf(KdfBudget::forThisDevice(std::chrono::milliseconds(ms))).params;
}

} // namespace

int CommandDispatcher::run(const ParsedCommand &command)
{
    QString dataDir = command.dataDir.isEmpty() ? DeviceStore::defaultDataDir() : command.dataDir;
    dataDir = QDir::cleanPath(QDir::current().absoluteFilePath(dataDir));
    const Status done = dispatch(command, dataDir);
    m_out.flush();
    if (done && m_exitCode != Ok)
        m_err << "waypointctl: " << m_problem << Qt::endl;
    if (done)
        return m_exitCode;
    QString message = done.error().message;
    message.replace(u'\n', u' ');
    m_err << "waypointctl: " << message << Qt::endl;
    return exitCodeFor(done.error());
}

namespace {

// The commands that read or write records; an out-of-lease store refuses them.
bool isRecordCommand(const QString &name)
{
    return name.endsWith(QLatin1String(" add")) || name.endsWith(QLatin1String(" list")) ||
           name.endsWith(QLatin1String(" edit")) || name == QLatin1String("search") ||
           name == QLatin1String("team") || name == QLatin1String("review mark") ||
           name == QLatin1String("review raise") || name == QLatin1String("review agenda") ||
           name == QLatin1String("comment ack");
}

// A device that has not reached its server for longer than its organisation's offline lease
// shows no records until it checks in (docs/security.md, "Offline lease"). Sync and status
// still work: a successful sync renews the lease.
Status withinLease(Store &store)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto lease = OfflineLease(store.database()).observe(now);
    if (!lease)
        return lease.error();
    if (!lease->isOut(sync::SyncIdentity::isEnrolled(store), now))
        return {};
    return Error{ErrorCode::Unauthorized,
                 QStringLiteral("This device has not reached its server for %1 days; its "
                                "organisation asks for every %2 days. Run waypointctl sync.")
                     .arg(lease->sinceContactMs(now) / LeaseState::DayMs)
                     .arg(lease->days)};
}

} // namespace

Status CommandDispatcher::dispatch(const ParsedCommand &command, const QString &dataDir)
{
    if (command.name == QLatin1String("init"))
        return init(command, dataDir);
    if (command.name == QLatin1String("change-pin"))
        return changePin(command, dataDir);
    if (command.name == QLatin1String("status"))
        return status(command, dataDir);

    if (!DeviceStore::exists(dataDir))
        return Error{
            ErrorCode::NotFound,
            QStringLiteral("There is no Waypoint store in %1; run waypointctl init.").arg(dataDir)};
    auto pin = readPin("WAYPOINT_PIN", QStringLiteral("PIN: "));
    if (!pin)
        return usage(pin.error().message);
    QtKeychainKeyStore keychain;
    auto store = DeviceStore::open(dataDir, std::move(pin).value(), deviceEnvironment(&keychain));
    if (!store)
        return store.error();
    Store &s = **store;
    if (isRecordCommand(command.name))
        if (Status lease = withinLease(s); !lease)
            return lease;

    if (command.name == QLatin1String("diary add"))
        return addDiary(s, command);
    if (command.name == QLatin1String("encounter add"))
        return addEncounter(s, command);
    if (command.name == QLatin1String("participant add"))
        return addParticipant(s, command);
    if (command.name == QLatin1String("conflicts list"))
        return ConflictCommands(s, m_out).list(command);
    if (command.name == QLatin1String("conflicts resolve"))
        return ConflictCommands(s, m_out).resolve(command);
    if (command.name.startsWith(QLatin1String("review ")) ||
        command.name.startsWith(QLatin1String("comment "))) {
        ReviewCommands review(s, m_out);
        if (command.name == QLatin1String("review list"))
            return review.list(command);
        if (command.name == QLatin1String("review mark"))
            return review.mark(command);
        if (command.name == QLatin1String("review raise"))
            return review.raise(command);
        if (command.name == QLatin1String("review agenda"))
            return review.agenda(command);
        if (command.name == QLatin1String("comment add"))
            return review.addComment(command);
        if (command.name == QLatin1String("comment list"))
            return review.listComments(command);
        return review.acknowledge(command);
    }
    if (command.name.endsWith(QLatin1String(" list")))
        return list(s, command);
    if (command.name == QLatin1String("search"))
        return search(s, command);
    if (command.name == QLatin1String("audit verify"))
        return verifyAudit(s);
    if (command.name == QLatin1String("diary edit"))
        return editDiary(s, command);
    if (command.name == QLatin1String("participant rename"))
        return renameParticipant(s, command);
    if (command.name == QLatin1String("participant delete") ||
        command.name == QLatin1String("participant withdraw-consent"))
        return eraseParticipant(s, command);
    if (command.name == QLatin1String("encounter edit"))
        return editEncounter(s, command);
    if (command.name == QLatin1String("encounter delete"))
        return deleteEncounter(s, command);
    if (command.name == QLatin1String("diary share"))
        return shareDiary(s, command, true);
    if (command.name == QLatin1String("diary unshare"))
        return shareDiary(s, command, false);
    // A command that talks to the server: its exit code and line, and a remote wipe, as in
    // the app (the store closes, then its keys and files go).
    const auto talked = [&](const auto &commands, Status outcome) -> Status {
        m_exitCode = commands.exitCode();
        m_problem = commands.problem();
        if (commands.revoked()) {
            store->reset();
            if (Status wiped = DeviceStore::wipe(dataDir, deviceEnvironment(&keychain)); !wiped)
                return wiped;
        }
        return outcome;
    };
    if (command.name.startsWith(QLatin1String("devices ")) ||
        command.name == QLatin1String("device approve") ||
        command.name == QLatin1String("device deny")) {
        NewDeviceCommands devices(s, m_out, m_err);
        Status done = Error{ErrorCode::Internal, QString()};
        if (command.name == QLatin1String("devices new") ||
            command.name == QLatin1String("devices pending"))
            done = devices.list(command, command.name.endsWith(QLatin1String("pending")));
        else if (command.name == QLatin1String("devices dismiss"))
            done = devices.dismiss(command);
        else if (command.name == QLatin1String("device approve"))
            done = devices.approve(command);
        else if (command.name == QLatin1String("device deny"))
            done = devices.deny(command);
        m_exitCode = devices.exitCode();
        m_problem = devices.problem();
        return done;
    }
    if (command.name == QLatin1String("team")) {
        TeamCommands team(s, m_out);
        return talked(team, team.list(command));
    }
    if (command.name.startsWith(QLatin1String("device "))) {
        DeviceCommands device(s, m_out);
        const Status outcome = command.name == QLatin1String("device show")
                                   ? device.show(command)
                                   : device.rename(command);
        return talked(device, outcome);
    }
    SyncCommands sync(s, m_out);
    Status synced = Error{ErrorCode::Internal, QString()};
    if (command.name == QLatin1String("enroll"))
        synced = sync.enroll(command);
    else if (command.name == QLatin1String("sync"))
        synced = sync.sync(command);
    else if (command.name == QLatin1String("restore-keys"))
        synced = sync.restoreKeys();
    else if (command.name == QLatin1String("await-approval"))
        synced = sync.awaitApproval(command);
    else if (command.name == QLatin1String("set-aside"))
        synced = sync.listSetAside(command);
    else if (command.name == QLatin1String("keys"))
        synced = sync.listKeys(command);
    else if (command.name == QLatin1String("keys rotate"))
        synced = sync.rotateKeys();
    else if (command.name == QLatin1String("confirm-key"))
        synced = sync.confirmKey(command);
    else
        return Error{ErrorCode::Internal,
                     QStringLiteral("Command %1 is not wired up.").arg(command.name)};
    return talked(sync, synced);
}

Status CommandDispatcher::init(const ParsedCommand &command, const QString &dataDir)
{
    if (DeviceStore::exists(dataDir))
        return Error{ErrorCode::Conflict,
                     QStringLiteral("A Waypoint store already exists in %1.").arg(dataDir)};
    auto pin = readPin("WAYPOINT_PIN", QStringLiteral("New PIN: "), true);
    if (!pin)
        return usage(pin.error().message);
    if (Status acceptable = checkNewPin(*pin); !acceptable)
        return acceptable;
    auto kdf = calibratedKdf(command);
    if (!kdf)
        return kdf.error();
    VaultPolicy policy;
    policy.deviceWrap = !command.has(QStringLiteral("pin-only"));
    policy.kdf = *kdf;
    QtKeychainKeyStore keychain;
    auto store =
        DeviceStore::create(dataDir, std::move(pin).value(), policy, deviceEnvironment(&keychain));
    if (!store && store.error().code == ErrorCode::Unavailable)
        return Error{ErrorCode::Unavailable,
                     store.error().message +
                         QStringLiteral(" Nothing was created. Run a keychain (a desktop secret "
                                        "service), or choose --pin-only: the PIN alone, which a "
                                        "copy of the folder lets anyone try offline.")};
    if (!store)
        return store.error();
    m_out << "Created an encrypted Waypoint store in " << dataDir
          << (policy.deviceWrap ? " (PIN and system keychain)" : " (PIN only)") << Qt::endl;
    return {};
}

Status CommandDispatcher::changePin(const ParsedCommand &command, const QString &dataDir)
{
    if (!DeviceStore::exists(dataDir))
        return Error{ErrorCode::NotFound,
                     QStringLiteral("There is no Waypoint store in %1.").arg(dataDir)};
    auto oldPin = readPin("WAYPOINT_PIN", QStringLiteral("Current PIN: "));
    if (!oldPin)
        return usage(oldPin.error().message);
    auto newPin = readPin("WAYPOINT_NEW_PIN", QStringLiteral("New PIN: "), true);
    if (!newPin)
        return usage(newPin.error().message);
    if (Status acceptable = checkNewPin(*newPin); !acceptable)
        return acceptable;
    auto kdf = calibratedKdf(command);
    if (!kdf)
        return kdf.error();
    QtKeychainKeyStore keychain;
    if (auto changed =
            DeviceStore::changePin(dataDir, std::move(oldPin).value(), std::move(newPin).value(),
                                   deviceEnvironment(&keychain), *kdf);
        !changed)
        return changed;
    m_out << "PIN changed." << Qt::endl;
    return {};
}

Status CommandDispatcher::status(const ParsedCommand &command, const QString &dataDir)
{
    auto status = DeviceStore::status(dataDir);
    if (!status)
        return status.error();
    if (command.has(QStringLiteral("json"))) {
        const QJsonObject o{
            {QStringLiteral("exists"), status->exists},
            {QStringLiteral("destroyed"), status->destroyed},
            {QStringLiteral("deviceWrapped"), status->deviceWrapped},
            {QStringLiteral("failedAttempts"), status->failedAttempts},
            {QStringLiteral("interruptedAttempts"), status->interruptedAttempts},
            {QStringLiteral("attemptsLeft"), status->attemptsLeft},
            {QStringLiteral("retryAfterMs"), qint64(status->retryAfter.count())},
            {QStringLiteral("argon2idPasses"), qint64(status->kdf.opsLimit)},
            {QStringLiteral("argon2idMiB"), qint64(status->kdf.memLimitBytes >> 20)}};
        m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else if (!status->exists) {
        m_out << "No store in " << dataDir << '\n';
    } else if (status->destroyed) {
        m_out << "Keys destroyed after too many wrong PINs." << '\n';
    } else {
        m_out << "Wrong PINs: " << status->failedAttempts
              << ", attempts left: " << status->attemptsLeft
              << ", wait: " << (status->retryAfter.count() + 999) / 1000 << " s" << '\n'
              << "Unlock cost: Argon2id, " << status->kdf.opsLimit << " passes over "
              << (status->kdf.memLimitBytes >> 20) << " MiB" << '\n';
    }
    return {};
}

Status CommandDispatcher::addDiary(Store &store, const ParsedCommand &c)
{
    DiaryEntry entry;
    entry.writtenAt = QDateTime::currentDateTimeUtc();
    entry.text = c.value(QStringLiteral("text"));
    if (entry.text.trimmed().isEmpty())
        return usage(QStringLiteral("diary add needs --text."));
    for (const QString &name : {QStringLiteral("wellbeing"), QStringLiteral("stress")}) {
        if (!c.has(name))
            continue;
        auto rating = intOption(c, name, 1, 5);
        if (!rating)
            return rating.error();
        (name == QLatin1String("wellbeing") ? entry.wellbeing : entry.stress) = *rating;
    }
    auto themes = keyList<DiaryTheme>(c, QStringLiteral("theme"));
    if (!themes)
        return themes.error();
    entry.themes = *themes;
    entry.selfCare = itemsOption<SelfCare>(c, QStringLiteral("self-care"));
    entry.shared = c.has(QStringLiteral("share"));
    auto saved = store.diary().save(entry);
    if (!saved)
        return saved.error();
    m_out << idText(saved->id) << '\n';
    return {};
}

Status CommandDispatcher::addEncounter(Store &store, const ParsedCommand &c)
{
    Encounter e;
    e.occurredAt = QDateTime::currentDateTimeUtc();
    if (c.has(QStringLiteral("at"))) {
        e.occurredAt = QDateTime::fromString(c.value(QStringLiteral("at")), Qt::ISODate);
        if (!e.occurredAt.isValid())
            return usage(QStringLiteral("--at must be a time like 2026-03-31T14:30:00Z."));
    }
    if (c.has(QStringLiteral("participant"))) {
        e.participantId = idFromText(c.value(QStringLiteral("participant")));
        if (e.participantId.isNull())
            return usage(QStringLiteral("--participant must be a participant id."));
        auto participant = store.participants().get(e.participantId);
        if (!participant && participant.error().code == ErrorCode::NotFound)
            return usage(QStringLiteral("There is no participant with id %1.")
                             .arg(c.value(QStringLiteral("participant"))));
        if (!participant)
            return participant.error();
    }
    if (c.has(QStringLiteral("place"))) {
        auto place = keyOption<Place>(QStringLiteral("place"), c.value(QStringLiteral("place")));
        if (!place)
            return place.error();
        e.place = *place;
    }
    auto needs = keyList<Need>(c, QStringLiteral("need"));
    auto advocacy = keyList<Service>(c, QStringLiteral("advocacy"));
    auto obstacles = keyList<Service>(c, QStringLiteral("obstacle"));
    for (const Error *error :
         {needs ? nullptr : &needs.error(), advocacy ? nullptr : &advocacy.error(),
          obstacles ? nullptr : &obstacles.error()})
        if (error)
            return *error;
    e.needs = *needs;
    e.advocacy = *advocacy;
    e.obstacles = *obstacles;
    e.supplies = itemsOption<Supply>(c, QStringLiteral("supply"));
    if (c.has(QStringLiteral("duration"))) {
        auto minutes = intOption(c, QStringLiteral("duration"), 0, limits::MaxDurationMinutes);
        if (!minutes)
            return minutes.error();
        e.durationMinutes = *minutes;
    }
    e.note = c.value(QStringLiteral("note"));
    e.nextStep = c.value(QStringLiteral("next-step"));
    if (c.has(QStringLiteral("follow-up"))) {
        auto date = dateOption(c, QStringLiteral("follow-up"));
        if (!date)
            return date.error();
        e.followUpOn = *date;
    }
    if (c.has(QStringLiteral("stage-after"))) {
        auto stage =
            keyOption<Stage>(QStringLiteral("stage-after"), c.value(QStringLiteral("stage-after")));
        if (!stage)
            return stage.error();
        e.stageAfter = *stage;
    }
    e.safetyConcern = c.has(QStringLiteral("safety-concern"));
    auto saved = store.encounters().save(e);
    if (!saved)
        return saved.error();
    m_out << idText(saved->id) << '\n';
    return {};
}

Status CommandDispatcher::addParticipant(Store &store, const ParsedCommand &c)
{
    Participant p;
    p.pseudonym = c.value(QStringLiteral("pseudonym"));
    if (p.pseudonym.trimmed().isEmpty())
        return usage(QStringLiteral("participant add needs --pseudonym."));
    const QDate today = QDate::currentDate();
    Stage stage = Stage::SafePlace;
    if (c.has(QStringLiteral("stage"))) {
        auto chosen = keyOption<Stage>(QStringLiteral("stage"), c.value(QStringLiteral("stage")));
        if (!chosen)
            return chosen.error();
        stage = *chosen;
    }
    p.moveToStage(stage, today);
    if (c.has(QStringLiteral("consent-scope"))) {
        p.recordConsent({ConsentState::Given, today, c.value(QStringLiteral("consent-scope"))});
    }
    if (c.has(QStringLiteral("follow-up"))) {
        auto date = dateOption(c, QStringLiteral("follow-up"));
        if (!date)
            return date.error();
        p.followUpDue = *date;
    }
    auto saved = store.participants().save(p);
    if (!saved)
        return saved.error();
    m_out << idText(saved->id) << '\n';
    return {};
}

namespace {

// Pages through a repository (keyset pagination), printing each record. With `store`, a
// record another user shared with this one is marked with its author.
template <typename Repo>
Status printAll(Repo &repository, QTextStream &out, bool json, int limit, Store *store = nullptr)
{
    const QUuid me = store ? sync::SyncIdentity::localUser(*store) : QUuid();
    PageRequest request;
    request.limit = 500;
    int printed = 0;
    for (;;) {
        auto page = repository.list(request);
        if (!page)
            return page.error();
        for (const auto &record : page->items) {
            if (printed == limit)
                return {};
            QUuid author;
            if (store) {
                auto a = store->recordAuthor(record.id);
                if (!a)
                    return a.error();
                if (!a->isNull() && *a != me)
                    author = *a;
            }
            if (json) {
                QJsonObject object = toJson(record);
                if (!author.isNull()) {
                    object.insert(QStringLiteral("author"), idText(author));
                    object.insert(QStringLiteral("sharedWithMe"), true);
                }
                out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
            } else {
                out << idText(record.id) << '\t' << summary(record);
                if (!author.isNull())
                    out << "\tshared by " << idText(author);
                out << '\n';
            }
            ++printed;
        }
        if (page->next.isEmpty())
            return {};
        request.after = page->next;
    }
}

} // namespace

Status CommandDispatcher::list(Store &store, const ParsedCommand &c)
{
    int limit = INT_MAX;
    if (c.has(QStringLiteral("limit"))) {
        auto n = intOption(c, QStringLiteral("limit"), 1, INT_MAX);
        if (!n)
            return n.error();
        limit = *n;
    }
    const bool json = c.has(QStringLiteral("json"));
    if (c.name.startsWith(QLatin1String("diary")))
        return printAll(store.diary(), m_out, json, limit, &store);
    if (c.name.startsWith(QLatin1String("encounter")))
        return printAll(store.encounters(), m_out, json, limit);
    return printAll(store.participants(), m_out, json, limit);
}

namespace {

template <typename Repo> Result<QJsonObject> fetchJson(Repo &repository, const QUuid &id)
{
    auto record = repository.get(id);
    if (!record)
        return record.error();
    return toJson(*record);
}

} // namespace

Status CommandDispatcher::search(Store &store, const ParsedCommand &c)
{
    int limit = 50;
    if (c.has(QStringLiteral("limit"))) {
        auto n = intOption(c, QStringLiteral("limit"), 1, 500);
        if (!n)
            return n.error();
        limit = *n;
    }
    auto hits = store.search(c.positionals.join(u' '), limit);
    if (!hits)
        return hits.error();
    const bool json = c.has(QStringLiteral("json"));
    for (const SearchHit &hit : *hits) {
        if (!json) {
            m_out << idText(hit.id) << '\t' << keyOf(hit.type) << '\t'
                  << oneLine(stripMarks(hit.snippet)) << '\n';
            continue;
        }
        Result<QJsonObject> object = QJsonObject{};
        switch (hit.type) {
        case RecordType::DiaryEntry:
            object = fetchJson(store.diary(), hit.id);
            break;
        case RecordType::Encounter:
            object = fetchJson(store.encounters(), hit.id);
            break;
        case RecordType::Participant:
            object = fetchJson(store.participants(), hit.id);
            break;
        case RecordType::SupervisionNote:
            object = fetchJson(store.supervision(), hit.id);
            break;
        case RecordType::Comment:
            object = fetchJson(store.comments(), hit.id);
            break;
        case RecordType::TrainingRecord:
            object = fetchJson(store.training(), hit.id);
            break;
        }
        if (!object)
            return object.error();
        object->insert(QStringLiteral("match"), stripMarks(hit.snippet));
        m_out << QJsonDocument(*object).toJson(QJsonDocument::Compact) << '\n';
    }
    return {};
}

Status CommandDispatcher::verifyAudit(Store &store)
{
    auto verified = store.audit().verify();
    if (!verified)
        return verified.error();
    if (!verified->intact())
        return Error{ErrorCode::Corrupt, QStringLiteral("The audit chain is broken at entry %1 "
                                                        "(of %2).")
                                             .arg(verified->firstBrokenSeq)
                                             .arg(verified->entries)};
    m_out << "Audit chain intact: " << verified->entries << " entries." << Qt::endl;
    return {};
}

} // namespace wp::ctl
