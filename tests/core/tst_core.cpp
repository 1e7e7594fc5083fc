// SPDX-License-Identifier: GPL-3.0-or-later
// Domain core: ids, the hybrid logical clock, secrets, record validation and field maps.
#include "HybridClock.h"
#include "Pseudonym.h"
#include "Records.h"
#include "SecretBytes.h"
#include "Uuid.h"

#include <QCborArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTranslator>
#include <QtTest>

using namespace wp;

namespace {

// Fixed records with every field set, for the format tests.
const QUuid U1 = QUuid::fromString(u"01890a5d-ac96-774b-bcce-b302099a8057");
const QUuid U2 = QUuid::fromString(u"01890a5d-ac96-774b-bcce-b302099a8058");
const QUuid U3 = QUuid::fromString(u"01890a5d-ac96-774b-bcce-b302099a8059");
const QDateTime T = QDateTime::fromMSecsSinceEpoch(1760000000000, Qt::UTC);

Participant fullParticipant()
{
    Participant p;
    p.id = U1;
    p.pseudonym = QStringLiteral("JD-17");
    p.consent = {ConsentState::Given, QDate(2026, 3, 1), QStringLiteral("notes only")};
    p.moveToStage(Stage::SafePlace, QDate(2026, 3, 1));
    p.moveToStage(Stage::Partnership, QDate(2026, 3, 20), QStringLiteral("trusts us"));
    p.goals = {{U2,
                QStringLiteral("Get ID documents"),
                GoalStatus::InProgress,
                QDate(2026, 3, 1),
                QDate(2026, 4, 1),
                {}}};
    p.lastContact = T;
    p.followUpDue = QDate(2026, 4, 2);
    p.createdAt = T;
    return p;
}

Encounter fullEncounter()
{
    Encounter e;
    e.id = U1;
    e.participantId = U2;
    e.occurredAt = T;
    e.durationMinutes = 25;
    e.place = Place::Shelter;
    e.needs = {Need::Housing, Need::HarmReduction};
    e.supplies = {keyOf(Supply::Naloxone), QStringLiteral("Clean socks")};
    e.referrals = {{Service::Housing, QStringLiteral("Riverside housing team")}};
    e.advocacy = {Service::Benefits};
    e.obstacles = {Service::Justice};
    e.stageAfter = Stage::Partnership;
    e.note = QStringLiteral("Talked through the tenancy letter");
    e.nextStep = QStringLiteral("Bring ID");
    e.followUpOn = QDate(2026, 3, 27);
    e.safetyConcern = true;
    e.createdAt = T;
    return e;
}

DiaryEntry fullDiaryEntry()
{
    DiaryEntry d;
    d.id = U1;
    d.writtenAt = T;
    d.text = QStringLiteral("Met the housing officer again");
    d.prompts = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
                 QStringLiteral("e")};
    d.wellbeing = 4;
    d.stress = 2;
    d.selfCare = {keyOf(SelfCare::Rest), QStringLiteral("Walked the dog")};
    d.themes = {DiaryTheme::SystemicObstacles, DiaryTheme::Wins};
    d.shared = true;
    d.createdAt = T;
    return d;
}

SupervisionNote fullSupervisionNote()
{
    SupervisionNote n;
    n.id = U1;
    n.heldOn = QDate(2026, 11, 2);
    n.supervisor = QStringLiteral("Sam");
    n.topics = {QStringLiteral("Boundaries")};
    n.wellbeing = 3;
    n.wellbeingNote = QStringLiteral("tired");
    n.linkedDiaryEntries = {U2};
    n.actionItems = {{U3, QStringLiteral("Book naloxone refresher"), ActionOwner::Both,
                      QDate(2026, 11, 20), true}};
    n.developmentGoals = {QStringLiteral("Group work")};
    n.notes = QStringLiteral("Talked about caseload size");
    n.createdAt = T;
    return n;
}

Comment fullComment()
{
    Comment c;
    c.id = U1;
    c.diaryEntryId = U2;
    c.author = QStringLiteral("Sam");
    c.text = QStringLiteral("Well handled");
    c.writtenAt = T;
    c.acknowledgedAt = T.addSecs(60);
    c.raise = true;
    c.raisedAt = T.addSecs(120);
    c.createdAt = T;
    return c;
}

TrainingRecord fullTrainingRecord()
{
    TrainingRecord t;
    t.id = U1;
    t.course = QStringLiteral("Naloxone administration");
    t.completedOn = QDate(2026, 1, 10);
    t.certificate = QStringLiteral("NX-42");
    t.expiresOn = QDate(2028, 1, 10);
    t.createdAt = T;
    return t;
}

// The record encodes to exactly `hex` and decodes from it to itself.
template <class R> void checkFormat(const R &record, const QByteArray &hex)
{
    QCOMPARE(record.toFields().toCborValue().toCbor().toHex(), hex);
    const QCborMap stored = QCborValue::fromCbor(QByteArray::fromHex(hex)).toMap();
    Result<R> back = R::fromFields(record.id, stored);
    QVERIFY(back.ok());
    QCOMPARE(*back, record);
}

// The field map holds the declared fields, in declaration order.
template <class R> void checkDeclaration()
{
    QStringList declared;
    for (const FieldInfo &f : fieldTable(R::Type)) {
        QVERIFY(f.spec.label && *f.spec.label);
        declared.append(QString::fromLatin1(f.spec.name));
    }
    QStringList written;
    const QCborMap fields = R().toFields();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        written.append(it.key().toString());
    QCOMPARE(written, declared);
    QCOMPARE(QSet<QString>(declared.cbegin(), declared.cend()).size(), declared.size());
}

// French for the few strings the language test needs.
class TestFrench : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QByteArray key = QByteArray(context) + '|' + source;
        if (key == "Field|Pseudonym")
            return QStringLiteral("Pseudonyme");
        if (key == "Field|Goal")
            return QStringLiteral("Objectif");
        if (key == "Validation|%1 is too long (%2 characters, at most %3).")
            return QStringLiteral("%1 est trop long (%2 caractères, au plus %3).");
        return {};
    }
};

} // namespace

class TestCore : public QObject
{
    Q_OBJECT

private slots:
    // Written literally: a change of the storage and sync format (what existing stores and
    // other devices read) fails here. Full records and empty ones (absent and null values).
    void fieldMapsKeepTheirFormat_data()
    {
        QTest::addColumn<QByteArray>("cbor");
        QTest::newRow("participant") << QByteArray(
            "a96970736575646f6e796d654a442d313767636f6e73656e74a365737461746565676976656e626f6e6a32"
            "3032362d30332d30316573636f70656a6e6f746573206f6e6c796e636f6e73656e74486973746f72798065"
            "73746167656b706172746e6572736869706c7374616765486973746f727982a36573746167656a73616665"
            "5f706c616365626f6e6a323032362d30332d3031646e6f746560a36573746167656b706172746e65727368"
            "6970626f6e6a323032362d30332d3230646e6f74656974727573747320757365676f616c7381a662696478"
            "2430313839306135642d616339362d373734622d626363652d623330323039396138303538647465787470"
            "47657420494420646f63756d656e7473667374617475736b696e5f70726f6772657373657365744f6e6a32"
            "3032362d30332d3031687461726765744f6e6a323032362d30342d303168636c6f7365644f6ef76b6c6173"
            "74436f6e746163741b00000199c82cc0006b666f6c6c6f7755704475656a323032362d30342d3032696372"
            "656174656441741b00000199c82cc000");
        QTest::newRow("emptyParticipant") << QByteArray(
            "a96970736575646f6e796d6067636f6e73656e74a3657374617465696e6f745f61736b6564626f6ef76573"
            "636f7065606e636f6e73656e74486973746f7279806573746167656a736166655f706c6163656c73746167"
            "65486973746f72798065676f616c73806b6c617374436f6e74616374f76b666f6c6c6f775570447565f769"
            "637265617465644174f7");
        QTest::newRow("encounter") << QByteArray(
            "af6d7061727469636970616e744964782430313839306135642d616339362d373734622d626363652d62"
            "33303230393961383035386a6f6363757272656441741b00000199c82cc0006f6475726174696f6e4d69"
            "6e75746573181965706c616365677368656c746572656e656564738267686f7573696e676e6861726d5f"
            "726564756374696f6e68737570706c69657382686e616c6f786f6e656b436c65616e20736f636b736972"
            "6566657272616c7381a2677365727669636567686f7573696e6762746f7652697665727369646520686f"
            "7573696e67207465616d686164766f63616379816862656e6566697473696f62737461636c657381676a"
            "7573746963656a737461676541667465726b706172746e657273686970646e6f7465782154616c6b6564"
            "207468726f756768207468652074656e616e6379206c6574746572686e65787453746570684272696e67"
            "2049446a666f6c6c6f7755704f6e6a323032362d30332d32376d736166657479436f6e6365726ef56963"
            "72656174656441741b00000199c82cc000");
        QTest::newRow("emptyEncounter") << QByteArray(
            "af6d7061727469636970616e744964f76a6f636375727265644174f76f6475726174696f6e4d696e7574"
            "65730065706c616365686f75747265616368656e656564738068737570706c6965738069726566657272"
            "616c7380686164766f6361637980696f62737461636c6573806a73746167654166746572f7646e6f7465"
            "60686e65787453746570606a666f6c6c6f7755704f6ef76d736166657479436f6e6365726ef469637265"
            "617465644174f7");
        QTest::newRow("diary") << QByteArray(
            "ad697772697474656e41741b00000199c82cc0006474657874781d4d65742074686520686f7573696e67"
            "206f66666963657220616761696e6c7768617448617070656e6564616168686f774946656c7461626877"
            "656e7457656c6c6163676c6561726e65646164686e65787454696d6561656977656c6c6265696e670466"
            "737472657373026873656c66436172658264726573746e57616c6b65642074686520646f67667468656d"
            "6573827273797374656d69635f6f62737461636c65736477696e7366736861726564f569637265617465"
            "6441741b00000199c82cc000");
        QTest::newRow("emptyDiary") << QByteArray(
            "ad697772697474656e4174f76474657874606c7768617448617070656e65646068686f774946656c7460"
            "6877656e7457656c6c60676c6561726e656460686e65787454696d65606977656c6c6265696e67f76673"
            "7472657373f76873656c664361726580667468656d65738066736861726564f469637265617465644174"
            "f7");
        QTest::newRow("supervision") << QByteArray(
            "aa6668656c644f6e6a323032362d31312d30326a73757065727669736f726353616d66746f7069637381"
            "6a426f756e6461726965736977656c6c6265696e67036d77656c6c6265696e674e6f7465657469726564"
            "726c696e6b65644469617279456e747269657381782430313839306135642d616339362d373734622d62"
            "6363652d6233303230393961383035386b616374696f6e4974656d7381a5626964782430313839306135"
            "642d616339362d373734622d626363652d623330323039396138303539647465787477426f6f6b206e61"
            "6c6f786f6e6520726566726573686572656f776e657264626f7468636475656a323032362d31312d3230"
            "64646f6e65f570646576656c6f706d656e74476f616c73816a47726f757020776f726b656e6f74657378"
            "1a54616c6b65642061626f757420636173656c6f61642073697a65696372656174656441741b00000199"
            "c82cc000");
        QTest::newRow("emptySupervision") << QByteArray(
            "aa6668656c644f6ef76a73757065727669736f726066746f70696373806977656c6c6265696e67f76d77"
            "656c6c6265696e674e6f746560726c696e6b65644469617279456e7472696573806b616374696f6e4974"
            "656d738070646576656c6f706d656e74476f616c7380656e6f7465736069637265617465644174f7");
        QTest::newRow("comment") << QByteArray(
            "a96c6469617279456e7472794964782430313839306135642d616339362d373734622d626363652d6233"
            "3032303939613830353866617574686f726353616d64746578746c57656c6c2068616e646c6564697772"
            "697474656e41741b00000199c82cc0006e61636b6e6f776c656467656441741b00000199c82daa606c61"
            "636b6e6f776c6564676573f7657261697365f5687261697365644174"
            "1b00000199c82e94c0"
            "696372656174656441741b00000199c82cc000");
        QTest::newRow("emptyComment") << QByteArray(
            "a96c6469617279456e7472794964f766617574686f7260647465787460697772697474656e4174f76e61"
            "636b6e6f776c65646765644174f76c61636b6e6f776c6564676573f7657261697365f4687261697365"
            "644174f769637265617465644174f7");
        QTest::newRow("training") << QByteArray(
            "a566636f75727365774e616c6f786f6e652061646d696e697374726174696f6e6b636f6d706c65746564"
            "4f6e6a323032362d30312d31306b6365727469666963617465654e582d343269657870697265734f6e6a"
            "323032382d30312d3130696372656174656441741b00000199c82cc000");
        QTest::newRow("emptyTraining") << QByteArray(
            "a566636f75727365606b636f6d706c657465644f6ef76b63657274696669636174656069657870697265"
            "734f6ef769637265617465644174f7");
    }

    void fieldMapsKeepTheirFormat()
    {
        QFETCH(QByteArray, cbor);
        const QByteArray tag = QTest::currentDataTag();
        const bool empty = tag.startsWith("empty");
        if (tag.endsWith("articipant"))
            checkFormat(empty ? Participant() : fullParticipant(), cbor);
        else if (tag.endsWith("ncounter"))
            checkFormat(empty ? Encounter() : fullEncounter(), cbor);
        else if (tag.endsWith("iary"))
            checkFormat(empty ? DiaryEntry() : fullDiaryEntry(), cbor);
        else if (tag.endsWith("upervision"))
            checkFormat(empty ? SupervisionNote() : fullSupervisionNote(), cbor);
        else if (tag.endsWith("omment"))
            checkFormat(empty ? Comment() : fullComment(), cbor);
        else
            checkFormat(empty ? TrainingRecord() : fullTrainingRecord(), cbor);
    }

    // What waypointctl prints for a record (plus its id and type).
    void jsonIsTheFieldMap()
    {
        const QByteArray json =
            QJsonDocument(fullEncounter().toFields().toJsonObject()).toJson(QJsonDocument::Compact);
        QCOMPARE(json,
                 QByteArray(R"({"advocacy":["benefits"],"createdAt":1760000000000,)"
                            R"("durationMinutes":25,"followUpOn":"2026-03-27",)"
                            R"("needs":["housing","harm_reduction"],"nextStep":"Bring ID",)"
                            R"("note":"Talked through the tenancy letter","obstacles":["justice"],)"
                            R"("occurredAt":1760000000000,)"
                            R"("participantId":"01890a5d-ac96-774b-bcce-b302099a8058",)"
                            R"("place":"shelter",)"
                            R"("referrals":[{"service":"housing","to":"Riverside housing team"}],)"
                            R"("safetyConcern":true,"stageAfter":"partnership",)"
                            R"("supplies":["naloxone","Clean socks"]})"));
    }

    void everyRecordDeclaresEachFieldOnce()
    {
        checkDeclaration<Participant>();
        checkDeclaration<Encounter>();
        checkDeclaration<DiaryEntry>();
        checkDeclaration<SupervisionNote>();
        checkDeclaration<Comment>();
        checkDeclaration<TrainingRecord>();

        const auto kind = [](RecordType type, const char *name) {
            return findField(fieldTable(type), QString::fromLatin1(name))->kind;
        };
        QCOMPARE(kind(RecordType::Participant, "consent"), FieldKind::Record);
        QCOMPARE(kind(RecordType::Participant, "goals"), FieldKind::RecordList);
        QCOMPARE(kind(RecordType::Encounter, "durationMinutes"), FieldKind::Integer);
        QCOMPARE(kind(RecordType::Encounter, "stageAfter"), FieldKind::Key);
        QCOMPARE(kind(RecordType::Encounter, "needs"), FieldKind::KeyList);
        QCOMPARE(kind(RecordType::Encounter, "supplies"), FieldKind::TextList);
        QCOMPARE(kind(RecordType::DiaryEntry, "wellbeing"), FieldKind::Rating);
        QCOMPARE(kind(RecordType::SupervisionNote, "linkedDiaryEntries"), FieldKind::IdList);
        QCOMPARE(kind(RecordType::Comment, "acknowledgedAt"), FieldKind::Time);
        QVERIFY(!findField(fieldTable(RecordType::DiaryEntry), u"prompts"));

        // Free text: conflict copies and titles.
        QStringList free;
        for (const FieldInfo &f : fieldTable(RecordType::DiaryEntry))
            if (f.spec.has(FreeText))
                free.append(QString::fromLatin1(f.spec.name));
        QCOMPARE(free, (QStringList{QStringLiteral("text"), QStringLiteral("whatHappened"),
                                    QStringLiteral("howIFelt"), QStringLiteral("wentWell"),
                                    QStringLiteral("learned"), QStringLiteral("nextTime")}));
        QCOMPARE(freeTexts(fullEncounter()),
                 (QStringList{QStringLiteral("Talked through the tenancy letter"),
                              QStringLiteral("Bring ID")}));
    }

    void absentValuesReadAsDeclared()
    {
        QCborMap fields = fullEncounter().toFields();
        fields.remove(QStringLiteral("place"));
        fields[QStringLiteral("stageAfter")] = QCborValue(QCborValue::Null);
        auto back = Encounter::fromFields(U1, fields);
        QVERIFY(back.ok());
        QCOMPARE(back->place, Place::Other);
        QVERIFY(!back->stageAfter);

        fields[QStringLiteral("referrals")] =
            QCborArray{QCborMap{{QStringLiteral("service"), QStringLiteral("teleport")}}};
        back = Encounter::fromFields(U1, fields);
        QVERIFY(!back.ok());
        QCOMPARE(back.error().field, QStringLiteral("referrals"));
        QVERIFY(back.error().message.contains(QStringLiteral("Referrals")));
    }

    // Earlier versions stored self-care and supplies as the label shown, in English or French.
    void labelsFromEarlierVersionsReadAsKeys()
    {
        QCborMap diary = fullDiaryEntry().toFields();
        diary[QStringLiteral("selfCare")] = QCborArray{
            QStringLiteral("Took a break"), QString::fromUtf8("Quelque chose que j\u2019aime"),
            QStringLiteral("REST"), QStringLiteral("Walked the dog")};
        QCOMPARE(DiaryEntry::fromFields(U1, diary)->selfCare,
                 (QStringList{QStringLiteral("took_break"), QStringLiteral("something_enjoyable"),
                              QStringLiteral("rest"), QStringLiteral("Walked the dog")}));

        QCborMap encounter = fullEncounter().toFields();
        const QCborMap before = encounter;
        encounter[QStringLiteral("supplies")] =
            QCborArray{QStringLiteral("Naloxone"), QString::fromUtf8("Pr\u00e9servatifs"),
                       QString::fromUtf8("Mat\u00e9riel d\u2019injection st\u00e9rile"),
                       QStringLiteral("Clean socks")};
        const QStringList keys{QStringLiteral("naloxone"), QStringLiteral("condoms"),
                               QStringLiteral("injecting_equipment"),
                               QStringLiteral("Clean socks")};
        QCOMPARE(Encounter::fromFields(U1, encounter)->supplies, keys);

        // The store's migration rewrites the stored map the same way, and nothing else in it.
        QVERIFY(normaliseItems(RecordType::Encounter, encounter));
        QCOMPARE(QCborValue(encounter.value(QStringLiteral("supplies"))).toVariant().toStringList(),
                 keys);
        encounter[QStringLiteral("supplies")] = before.value(QStringLiteral("supplies"));
        QCOMPARE(encounter.toCborValue().toCbor(), before.toCborValue().toCbor());
        QVERIFY(!normaliseItems(RecordType::Encounter, encounter));
        QVERIFY(!normaliseItems(RecordType::Participant, encounter));
    }

    // A key is found under its labels; free text comes first, so a snippet prefers it.
    void searchTextNamesKeysByTheirLabels()
    {
        Encounter e = fullEncounter();
        e.supplies = {keyOf(Supply::SharpsBin)};
        const QStringList parts = e.searchText().split(QLatin1Char('\n'));
        QCOMPARE(parts.value(0), e.note);
        QVERIFY(parts.contains(QStringLiteral("Sharps bin")));
        QVERIFY(parts.contains(QString::fromUtf8("Collecteur d\u2019aiguilles")));
        QVERIFY(parts.contains(QStringLiteral("Riverside housing team")));
        QVERIFY(!parts.contains(keyOf(Supply::SharpsBin)));
        // The place too: "where did I meet them at the shelter?"
        e.place = Place::Shelter;
        QVERIFY(e.searchText().split(QLatin1Char('\n')).contains(QStringLiteral("Shelter")));
    }

    void validationNamesTheFieldInTheUsersLanguage()
    {
        Participant p = fullParticipant();
        p.pseudonym = QString(80, QLatin1Char('x'));
        Error e = p.validate().value(0);
        QCOMPARE(e.field, QStringLiteral("pseudonym"));
        QCOMPARE(e.message, QStringLiteral("Pseudonym is too long (80 characters, at most 64)."));

        TestFrench french;
        QVERIFY(QCoreApplication::installTranslator(&french));
        e = p.validate().value(0);
        QCOMPARE(e.message,
                 QString::fromUtf8("Pseudonyme est trop long (80 caract\u00e8res, au plus 64)."));
        p.pseudonym = QStringLiteral("JD");
        p.goals.first().text = QString(501, QLatin1Char('g'));
        e = p.validate().value(0);
        QCOMPARE(e.field, QStringLiteral("goals")); // the form shows it by the goals
        QVERIFY2(e.message.startsWith(QStringLiteral("Objectif est trop long")),
                 qPrintable(e.message));
        QCoreApplication::removeTranslator(&french);

        Encounter x = fullEncounter();
        x.supplies = QStringList(limits::ListItems + 1, keyOf(Supply::Condoms));
        e = x.validate().value(0);
        QCOMPARE(e.field, QStringLiteral("supplies"));
        QCOMPARE(e.message, QStringLiteral("Supplies has too many items (51, at most 50)."));
        x = fullEncounter();
        x.durationMinutes = limits::MaxDurationMinutes + 1;
        QCOMPARE(x.validate().value(0).message,
                 QStringLiteral("Duration must be between 0 minutes and 24 hours."));
    }

    void aPseudonymThatLooksLikeAFullNameIsNoticed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("fullName");
        QTest::newRow("first and last name") << QStringLiteral("Mary Smith") << true;
        QTest::newRow("three names") << QStringLiteral("Anne Marie Dupont") << true;
        QTest::newRow("hyphen and apostrophe") << QStringLiteral("Jean-Luc O'Brien") << true;
        QTest::newRow("accents, extra spaces")
            << QStringLiteral("  \u00c9lodie   L\u00e9ger ") << true;
        QTest::newRow("one name") << QStringLiteral("Mo") << false;
        QTest::newRow("initials") << QStringLiteral("JD") << false;
        QTest::newRow("initials with spaces") << QStringLiteral("J D") << false;
        QTest::newRow("a code") << QStringLiteral("JD-17") << false;
        QTest::newRow("a description") << QStringLiteral("Blue jacket") << false;
        QTest::newRow("lower case") << QStringLiteral("mary smith") << false;
        QTest::newRow("capitals only") << QStringLiteral("MARY SMITH") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void aPseudonymThatLooksLikeAFullNameIsNoticed()
    {
        QFETCH(QString, text);
        QFETCH(bool, fullName);
        QCOMPARE(looksLikeFullName(text), fullName);
    }

    void uuidV7IsVersionSevenAndOrdered()
    {
        QUuid previous = createUuidV7();
        QCOMPARE(uuidVersion(previous), 7);
        QCOMPARE(int(previous.variant()), int(QUuid::DCE));
        for (int i = 0; i < 10000; ++i) {
            const QUuid next = createUuidV7();
            QVERIFY2(idText(previous) < idText(next), "ids made later must sort later");
            previous = next;
        }
    }

    void uuidV7CarriesItsTime()
    {
        const std::int64_t ms = 1'760'000'000'123;
        QCOMPARE(uuidV7Millis(createUuidV7(ms)), ms);
        QCOMPARE(uuidV7Millis(QUuid::createUuid()), std::int64_t(-1));
    }

    void clockIsMonotonicWhenWallClockJumpsBack()
    {
        std::int64_t wall = 1'000'000;
        HybridClock clock(createUuidV7(), [&] { return wall; });
        const HlcStamp a = clock.now();
        wall -= 3'600'000; // the phone's clock is set back an hour
        const HlcStamp b = clock.now();
        const HlcStamp c = clock.now();
        QVERIFY(a < b);
        QVERIFY(b < c);
        QCOMPARE(b.physicalMs, a.physicalMs);
        wall += 7'200'000;
        const HlcStamp d = clock.now();
        QVERIFY(c < d);
        QCOMPARE(d.counter, 0u);
    }

    void clockObservesRemoteStamps()
    {
        std::int64_t wall = 5'000;
        HybridClock clock(createUuidV7(), [&] { return wall; });
        HlcStamp remote{9'000, 4, createUuidV7()};
        const std::optional<HlcStamp> merged = clock.observe(remote);
        QVERIFY(merged);
        QVERIFY(remote < *merged);
        QVERIFY(*merged < clock.now());
    }

    void aFieldMapFromElsewhereIsCheckedLikeLocalInput()
    {
        // What a pulled change may carry: the fields it changed, each as the record encodes it.
        Participant p;
        p.pseudonym = QStringLiteral("K.M.");
        Goal g;
        g.text = QStringLiteral("Keep the flat");
        g.setOn = QDate(2024, 5, 1);
        p.goals.append(g);
        QVERIFY(checkFieldMap(RecordType::Participant, p.toFields()).ok());
        DiaryEntry d;
        d.text = QStringLiteral("Court went well");
        d.wellbeing = 4;
        QVERIFY(checkFieldMap(RecordType::DiaryEntry, d.toFields()).ok());
        QVERIFY(checkFieldMap(RecordType::DiaryEntry, {{QStringLiteral("wellbeing"), 5}}).ok());
        // A newer version's field, and a null for an absent value, pass.
        QVERIFY(
            checkFieldMap(RecordType::DiaryEntry, {{QStringLiteral("mood2"), QStringLiteral("x")},
                                                   {QStringLiteral("stress"), QCborValue()}})
                .ok());

        const auto fieldAtFault = [](RecordType type, const QCborMap &fields) {
            const Status s = checkFieldMap(type, fields);
            return s.ok() ? QString() : s.error().field;
        };
        QCOMPARE(fieldAtFault(RecordType::DiaryEntry, {{QStringLiteral("wellbeing"), 99}}),
                 QStringLiteral("wellbeing"));
        QCOMPARE(fieldAtFault(RecordType::DiaryEntry,
                              {{QStringLiteral("text"), QString(200 * 1024, QLatin1Char('a'))}}),
                 QStringLiteral("text"));
        QCOMPARE(fieldAtFault(RecordType::DiaryEntry, {{QStringLiteral("text"), 42}}),
                 QStringLiteral("text"));
        QCOMPARE(fieldAtFault(RecordType::DiaryEntry, {{QStringLiteral("selfCare"),
                                                        QCborArray{QStringLiteral("walk"), 3}}}),
                 QStringLiteral("selfCare"));
        QCOMPARE(
            fieldAtFault(RecordType::Participant,
                         {{QStringLiteral("goals"), QCborArray{QStringLiteral("not a goal")}}}),
            QStringLiteral("goals"));
        QCborValue deep = QStringLiteral("bottom");
        for (int i = 0; i < 100; ++i)
            deep = QCborArray{deep};
        QCOMPARE(fieldAtFault(RecordType::DiaryEntry, {{QStringLiteral("unknownField"), deep}}),
                 QStringLiteral("unknownField"));
    }

    void clockRefusesStampsMoreThanADayAhead()
    {
        // A sender's clock set years ahead must not drag this device's stamps along: past
        // the bound the clock refuses the stamp and does not move; up to it, it follows.
        const std::int64_t start = 1'700'000'000'000;
        std::int64_t wall = start;
        HybridClock clock(createUuidV7(), [&] { return wall; });
        const HlcStamp before = clock.now();
        const HlcStamp twoDays{start + 2 * 24 * 3'600'000, 0, createUuidV7()};
        QVERIFY(!clock.admits(twoDays));
        QVERIFY(!clock.observe(twoDays));
        QCOMPARE(clock.last(), before);
        const HlcStamp justPast{start + HybridClock::MaxAheadMs + 1, 0, createUuidV7()};
        QVERIFY(!clock.observe(justPast));
        QCOMPARE(clock.last(), before);

        const HlcStamp anHour{start + 3'600'000, 0, createUuidV7()};
        QVERIFY(clock.admits(anHour));
        QVERIFY(clock.observe(anHour));
        QVERIFY(anHour < clock.now());
        const HlcStamp atTheBound{start + HybridClock::MaxAheadMs, 0, createUuidV7()};
        QVERIFY(clock.observe(atTheBound));
        // Once the wall clock has caught up, the same stamp is ordinary.
        wall += 2 * 24 * 3'600'000;
        QVERIFY(clock.observe(twoDays));
    }

    void clockRestoresAfterRestart()
    {
        const QUuid device = createUuidV7();
        HybridClock first(device, [] { return std::int64_t(50'000); });
        first.now();
        const HlcStamp last = first.now();
        HybridClock second(device, [] { return std::int64_t(10'000); }); // clock behind now
        second.restore(last);
        QVERIFY(last < second.now());
    }

    void stampTextSortsLikeStamps()
    {
        const QUuid device = createUuidV7();
        const HlcStamp a{999, 12, device}, b{1000, 0, device};
        QVERIFY(a.toString() < b.toString());
        QCOMPARE(HlcStamp::fromString(a.toString()), a);
        QVERIFY(HlcStamp::fromString(u"garbage").isNull());
    }

    void secretsCompareInConstantTimeAndWipe()
    {
        SecretBytes a = SecretBytes::random(32);
        SecretBytes b(a.data(), a.size());
        QVERIFY(a.equals(b));
        b.data()[31] ^= 1;
        QVERIFY(!a.equals(b));
        QByteArray pin("1234");
        SecretBytes taken = SecretBytes::takeFrom(pin);
        QVERIFY(pin.isEmpty());
        QCOMPARE(taken.view(), QByteArrayView("1234"));
        taken.clear();
        QVERIFY(taken.isEmpty());
    }

    void diaryEntryIsPrivateByDefaultAndValidates()
    {
        DiaryEntry d;
        QVERIFY(!d.shared);
        d.writtenAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(d.validate().first().field, QStringLiteral("text"));
        d.prompts.howIFelt = QStringLiteral("Drained after court");
        QVERIFY(d.validate().isEmpty());
        d.wellbeing = 6;
        QCOMPARE(d.validate().first().field, QStringLiteral("wellbeing"));
        d.wellbeing = 3;
        d.text = QString(limits::DiaryText + 1, QLatin1Char('x'));
        QCOMPARE(d.validate().first().field, QStringLiteral("text"));
    }

    void diaryEntryRoundTripsThroughFields()
    {
        DiaryEntry d;
        d.id = createUuidV7();
        d.writtenAt = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000, Qt::UTC);
        d.text = QStringLiteral("Met the housing officer again");
        d.prompts.learned = QStringLiteral("Ask for the manager earlier");
        d.wellbeing = 4;
        d.stress = 2;
        d.selfCare = {QStringLiteral("walk")};
        d.themes = {DiaryTheme::SystemicObstacles, DiaryTheme::Wins};
        d.shared = true;
        auto back = DiaryEntry::fromFields(d.id, d.toFields());
        QVERIFY(back.ok());
        QCOMPARE(*back, d);
    }

    void unknownVocabularyIsReportedNotDropped()
    {
        DiaryEntry d;
        d.themes = {DiaryTheme::Stigma};
        QCborMap fields = d.toFields();
        fields[QStringLiteral("themes")] = QCborArray{QStringLiteral("from_the_future")};
        auto back = DiaryEntry::fromFields(createUuidV7(), fields);
        QVERIFY(!back.ok());
        QCOMPARE(back.error().field, QStringLiteral("themes"));
    }

    void participantStageMovesBackAndKeepsHistory()
    {
        Participant p;
        p.id = createUuidV7();
        p.pseudonym = QStringLiteral("JD-17");
        const QDate day(2026, 3, 1);
        p.moveToStage(Stage::SafePlace, day);
        p.moveToStage(Stage::Partnership, day.addDays(20));
        p.moveToStage(Stage::SafePlace, day.addDays(40),
                      QStringLiteral("relapse, rebuilding trust"));
        QCOMPARE(p.stage, Stage::SafePlace);
        QCOMPARE(p.stageHistory.size(), 3);
        p.goals.append({createUuidV7(),
                        QStringLiteral("Get ID documents"),
                        GoalStatus::InProgress,
                        day,
                        day.addDays(30),
                        {}});
        QVERIFY(p.validate().isEmpty());
        auto back = Participant::fromFields(p.id, p.toFields());
        QVERIFY(back.ok());
        QCOMPARE(*back, p);
    }

    // Consent given, its scope changed, withdrawn: each change is kept with its date, a
    // repeat is not, and it round-trips like any other field.
    void participantConsentKeepsItsHistory()
    {
        Participant p;
        p.id = createUuidV7();
        p.pseudonym = QStringLiteral("JD-17");
        const QDate day(2026, 3, 1);
        p.recordConsent({ConsentState::Given, day, QStringLiteral("notes")});
        p.recordConsent({ConsentState::Given, day, QStringLiteral("notes")});
        p.recordConsent({ConsentState::Given, day.addDays(3), QStringLiteral("notes, referrals")});
        p.recordConsent(
            {ConsentState::Withdrawn, day.addDays(9), QStringLiteral("notes, referrals")});
        QCOMPARE(p.consent.state, ConsentState::Withdrawn);
        QCOMPARE(p.consentHistory.size(), 3);
        QCOMPARE(p.consentHistory.first().scope, QStringLiteral("notes"));
        QCOMPARE(p.consentHistory.at(1).on, day.addDays(3));
        QCOMPARE(p.consentHistory.last(), p.consent);
        QVERIFY(p.validate().isEmpty());
        auto back = Participant::fromFields(p.id, p.toFields());
        QVERIFY(back.ok());
        QCOMPARE(back->consentHistory, p.consentHistory);

        // Saved before consent had a history: the earlier consent is its first entry.
        Participant older;
        older.pseudonym = QStringLiteral("KM");
        older.consent = {ConsentState::Given, day, QStringLiteral("notes")};
        older.recordConsent({ConsentState::Withdrawn, day.addDays(1), QStringLiteral("notes")});
        QCOMPARE(older.consentHistory.size(), 2);
        QCOMPARE(older.consentHistory.first().state, ConsentState::Given);
    }

    void participantNeedsPseudonymAndConsentDate()
    {
        Participant p;
        QCOMPARE(p.validate().first().field, QStringLiteral("pseudonym"));
        p.pseudonym = QStringLiteral("AB");
        p.consent.state = ConsentState::Given;
        QCOMPARE(p.validate().first().field, QStringLiteral("consent"));
        p.consent.on = QDate(2026, 1, 2);
        QVERIFY(p.validate().isEmpty());
    }

    void encounterValidatesAndRoundTrips()
    {
        Encounter e;
        e.id = createUuidV7();
        e.occurredAt = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000, Qt::UTC);
        e.durationMinutes = 25;
        e.place = Place::Shelter;
        e.needs = {Need::Housing, Need::HarmReduction};
        e.supplies = {keyOf(Supply::Naloxone)};
        e.referrals = {{Service::Housing, QStringLiteral("Riverside housing team")}};
        e.obstacles = {Service::Benefits};
        e.nextStep = QStringLiteral("Bring ID to the benefits office");
        e.followUpOn = e.occurredAt.date().addDays(7);
        e.safetyConcern = true;
        QVERIFY(e.validate().isEmpty()); // brief contact: no participant is fine
        e.stageAfter = Stage::Partnership;
        QCOMPARE(e.validate().first().field, QStringLiteral("stageAfter"));
        e.participantId = createUuidV7();
        QVERIFY(e.validate().isEmpty());
        auto back = Encounter::fromFields(e.id, e.toFields());
        QVERIFY(back.ok());
        QCOMPARE(*back, e);
        e.durationMinutes = -5;
        QCOMPARE(e.validate().first().field, QStringLiteral("durationMinutes"));
    }

    void supervisionNoteRoundTrips()
    {
        SupervisionNote n;
        n.id = createUuidV7();
        n.heldOn = QDate(2026, 11, 2);
        n.supervisor = QStringLiteral("Sam");
        n.topics = {QStringLiteral("Boundaries with long-term participants")};
        n.wellbeing = 3;
        n.linkedDiaryEntries = {createUuidV7()};
        n.actionItems = {{createUuidV7(), QStringLiteral("Book naloxone refresher"),
                          ActionOwner::Worker, QDate(2026, 11, 20), false}};
        QVERIFY(n.validate().isEmpty());
        auto back = SupervisionNote::fromFields(n.id, n.toFields());
        QVERIFY(back.ok());
        QCOMPARE(*back, n);
        n.actionItems.first().text.clear();
        QCOMPARE(n.validate().first().field, QStringLiteral("actionItems"));
    }

    void trainingExpiryAfterCompletion()
    {
        TrainingRecord t;
        t.course = QStringLiteral("Naloxone administration");
        t.completedOn = QDate(2026, 1, 10);
        t.expiresOn = QDate(2025, 1, 10);
        QCOMPARE(t.validate().first().field, QStringLiteral("expiresOn"));
        t.expiresOn = QDate(2027, 1, 10);
        QVERIFY(t.validate().isEmpty());
        QVERIFY(t.isExpired(QDate(2027, 2, 1)));
        QVERIFY(!t.isExpired(QDate(2026, 2, 1)));
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
