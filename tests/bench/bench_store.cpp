// SPDX-License-Identifier: GPL-3.0-or-later
// bench_store: the encrypted store against the same code with no key (SQLCipher as plain
// SQLite), same data, same process. Prints a Markdown table for docs/benchmarks.md.
//
//   bench_store [--records N] [--dir DIR]
//
// Per configuration (plain; encrypted; encrypted without cipher_memory_security): bulk-load N diary
// entries through the repositories (insert + FTS + outbox + audit, 5,000 per commit), then time:
// open + unlock (raw key, no Argon2id), the first page of 50 of the N-row list, full-text search,
// and adding an encounter (one commit each). Sync paths: applyRemote of pages of 1,000 pulled
// records into an empty store and into the loaded one (new records, then edits of existing
// ones), and the push side of the outbox (pending(2000) + markApplied of those 2,000).
// `--quick` skips open, paging and search (the sync and save figures only).
// `--merge-only [--pages N] [--words MIN-MAX]` times only applyRemote of N pages of 1,000 new
// diary entries of MIN-MAX words (default 30-120) into an empty store (an initial pull's
// merge; default 100 pages), encrypted then plain: for profiling the merge
// (`perf record -g bench_store --merge-only --encrypted-only`).

#include "Store.h"
#include "WipingAllocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

using namespace wp;

namespace {

QTextStream out(stdout);

struct Samples
{
    QList<double> ms;
    void add(double v) { ms.append(v); }
    double pct(double p) const
    {
        QList<double> s = ms;
        std::sort(s.begin(), s.end());
        if (s.isEmpty())
            return 0;
        const qsizetype i =
            std::min<qsizetype>(s.size() - 1, qsizetype(p / 100.0 * double(s.size())));
        return s.at(i);
    }
};

double elapsedMs(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

[[noreturn]] void fail(const char *what, const Error &e)
{
    std::fprintf(stderr, "bench_store: %s: %s\n", what, qPrintable(e.message));
    std::exit(1);
}

template <class R> auto must(R &&r, const char *what)
{
    if (!r)
        fail(what, r.error());
    return std::move(*r);
}

// A vocabulary of made-up words with a Zipf-like frequency, so text looks like language to
// the index (a few very common words, a long tail of rare ones).
class TextMaker
{
public:
    explicit TextMaker(quint32 seed) : m_random(seed)
    {
        static const char *syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "te",
                                          "vo", "zi", "pa", "do", "fe", "gu", "hi",
                                          "jo", "be", "ci", "wu", "ye", "xo"};
        for (int i = 0; i < 20000; ++i) {
            QString w;
            int n = i;
            do {
                w += QLatin1String(syllables[n % 20]);
                n /= 20;
            } while (n > 0);
            m_words.append(w + QString::number(i % 7));
        }
    }
    QString word()
    {
        // rank ~ 1/u: a Zipf-like skew over the vocabulary
        const double u = m_random.generateDouble();
        const int rank =
            std::min<int>(int(m_words.size()) - 1, int(std::pow(double(m_words.size()), u)) - 1);
        return m_words.at(std::max(0, rank));
    }
    QString uniformWord() { return m_words.at(m_random.bounded(int(m_words.size()))); }
    QString text(int words)
    {
        QStringList w;
        for (int i = 0; i < words; ++i)
            w.append(word());
        return w.join(QLatin1Char(' '));
    }
    int bounded(int lo, int hi) { return m_random.bounded(lo, hi); }

private:
    QRandomGenerator m_random;
    QStringList m_words;
};

struct ModeResult
{
    double loadSeconds = 0;
    qint64 bytes = 0;
    qint64 freeBytes = 0; // pages freed by the drained outbox, reused by later writes
    QString memorySecurity;
    qint64 searchHits = 0;
    Samples rankedSearch;
    Samples open, firstPage, openAndFirstPage, search, search2, addEncounter;
    // Microseconds per record of one applyRemote page of 1,000 (one transaction).
    Samples mergeEmpty, mergeNew, mergeEdit;
    Samples mergeEmptyCpu, mergeNewCpu, mergeEditCpu, outboxCpu, addEncounterCpu;
    Samples outboxPending, outboxApplied, outboxBoth; // ms for 2,000 entries
};

// EncryptedSqlCipherMemory: what the store shipped before (SQLCipher's cipher_memory_security,
// an mlock + munlock per allocation), measured last and on fewer samples (it is one-way).
enum class Config { Plain, Encrypted, EncryptedNoMemorySecurity, EncryptedSqlCipherMemory };
bool lightRounds = false; // fewer samples (the slow configuration)

std::unique_ptr<Store> openStore(const QString &path, Config config, const SecretBytes &key,
                                 Store::Mode mode)
{
    StoreOptions options;
    options.memorySecurity = config == Config::Encrypted;
    options.memorySecurity = options.memorySecurity || config == Config::EncryptedSqlCipherMemory;
    options.lockEveryAllocation = config == Config::EncryptedSqlCipherMemory;
    return config == Config::Plain ? must(Store::openUnencrypted(path, mode), "open unencrypted")
                                   : must(Store::open(path, key, mode, options), "open");
}

bool quick = false;
bool plainOnly = false;     // profiling: the baseline alone
bool encryptedOnly = false; // profiling: the shipped configuration alone
constexpr int MergePage = 1000;
std::pair<int, int> mergeWords{30, 120}; // words per pulled diary entry (--words MIN-MAX)
constexpr int OutboxBatch = 2000;

const QUuid RemoteDevice =
    QUuid::fromString(QStringLiteral("{5b0e8a3c-0000-4000-8000-00000000d0d0}"));

// A page of records as another device wrote them: full records, every field stamped alike
// (what an initial pull delivers).
QList<RemoteChange> newRecordsPage(TextMaker &text, qint64 stampMs)
{
    QList<RemoteChange> page;
    page.reserve(MergePage);
    const QDateTime base = QDateTime::fromMSecsSinceEpoch(1704067200000, Qt::UTC);
    for (int i = 0; i < MergePage; ++i) {
        DiaryEntry d;
        d.id = createUuidV7();
        d.writtenAt = base.addSecs(qint64(text.bounded(0, 1 << 24)));
        d.createdAt = d.writtenAt;
        d.text = text.text(text.bounded(mergeWords.first, mergeWords.second));
        d.wellbeing = 1 + i % 5;
        d.shared = i % 4 == 0;
        RemoteChange c;
        c.recordId = d.id;
        c.type = RecordType::DiaryEntry;
        c.fields = d.toFields();
        c.stamp = {stampMs + i, 0, RemoteDevice};
        for (auto it = c.fields.begin(); it != c.fields.end(); ++it)
            c.stamps.insert(it.key().toString(), c.stamp);
        page.append(std::move(c));
    }
    return page;
}

// Another device edited the text and wellbeing of records this store already has.
QList<RemoteChange> editsPage(TextMaker &text, const QList<QUuid> &ids, int from, qint64 stampMs)
{
    QList<RemoteChange> page;
    page.reserve(MergePage);
    for (int i = 0; i < MergePage; ++i) {
        RemoteChange c;
        c.recordId = ids.at((from + i * 97) % ids.size());
        c.type = RecordType::DiaryEntry;
        c.stamp = {stampMs + i, 0, RemoteDevice};
        c.fields.insert(QStringLiteral("text"), text.text(text.bounded(30, 120)));
        c.fields.insert(QStringLiteral("wellbeing"), 1 + i % 5);
        for (auto it = c.fields.begin(); it != c.fields.end(); ++it)
            c.stamps.insert(it.key().toString(), c.stamp);
        page.append(std::move(c));
    }
    return page;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The machine is shared: thread CPU time next to wall time shows what is this process's own.
void timeMerge(Store &store, const QList<RemoteChange> &page, Samples &into, Samples &cpu,
               int &cursor)
{
    QElapsedTimer t;
    t.start();
    const double cpu0 = threadCpuMs();
    const MergeReport report =
        must(store.applyRemote(page, QByteArray::number(++cursor)), "applyRemote");
    into.add(elapsedMs(t) * 1000.0 / double(page.size()));
    cpu.add((threadCpuMs() - cpu0) * 1000.0 / double(page.size()));
    if (report.applied == 0)
        fail("applyRemote", Error(ErrorCode::Internal, QStringLiteral("nothing applied")));
}

// An initial pull's merge alone: `pages` pages of 1,000 new records into an empty store.
void measureInitialMerge(const QString &path, Config config, const SecretBytes &key, int pages,
                         ModeResult &r)
{
    TextMaker text(1234);
    const qint64 stampMs = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    auto store = openStore(path, config, key, Store::Mode::CreateNew);
    int cursor = 0;
    QElapsedTimer t;
    t.start();
    double mergeMs = 0;
    for (int p = 0; p < pages; ++p) {
        const QList<RemoteChange> page = newRecordsPage(text, stampMs + qint64(p) * MergePage);
        const double before = elapsedMs(t);
        timeMerge(*store, page, r.mergeEmpty, r.mergeEmptyCpu, cursor);
        mergeMs += elapsedMs(t) - before;
    }
    r.loadSeconds = mergeMs / 1000.0;
}

// Push side: 2,000 local saves waiting, read them oldest first, then clear them.
void timeOutbox(Store &store, TextMaker &text, ModeResult &r)
{
    for (int round = 0; round < (lightRounds ? 2 : 5); ++round) {
        {
            auto batch = must(store.batch(), "batch");
            for (int i = 0; i < OutboxBatch; ++i) {
                DiaryEntry d;
                d.writtenAt = QDateTime::currentDateTimeUtc();
                d.text = text.text(text.bounded(30, 120));
                must(store.diary().save(d), "save diary");
            }
            if (Status s = batch.commit(); !s)
                fail("commit", s.error());
        }
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuMs();
        const QList<OutboxEntry> pending = must(store.outbox().pending(OutboxBatch), "pending");
        const double readMs = elapsedMs(t);
        QList<qint64> seqs;
        seqs.reserve(pending.size());
        for (const OutboxEntry &e : pending)
            seqs.append(e.seq);
        QElapsedTimer a;
        a.start();
        if (Status s = store.outbox().markApplied(seqs); !s)
            fail("markApplied", s.error());
        r.outboxApplied.add(elapsedMs(a));
        r.outboxPending.add(readMs);
        r.outboxBoth.add(elapsedMs(t));
        r.outboxCpu.add(threadCpuMs() - cpu0);
        if (pending.size() != OutboxBatch)
            fail("pending", Error(ErrorCode::Internal, QStringLiteral("short outbox batch")));
    }
}

void measureSync(const QString &dir, Config config, const SecretBytes &key,
                 const QList<QUuid> &loadedIds, Store &loaded, ModeResult &r)
{
    TextMaker text(1234);
    const qint64 stampMs = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    int cursor = 0;
    {
        const QString path = dir + QStringLiteral("/merge-empty.db");
        auto store = openStore(path, config, key, Store::Mode::CreateNew);
        for (int p = 0; p < (lightRounds ? 3 : 10); ++p)
            timeMerge(*store, newRecordsPage(text, stampMs + p * MergePage), r.mergeEmpty,
                      r.mergeEmptyCpu, cursor);
        store.reset();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
    }
    for (int p = 0; p < (lightRounds ? 2 : 5); ++p)
        timeMerge(loaded, newRecordsPage(text, stampMs + (10 + p) * MergePage), r.mergeNew,
                  r.mergeNewCpu, cursor);
    // Edits are stamped after everything above, so they win.
    for (int p = 0; p < (lightRounds ? 2 : 5); ++p)
        timeMerge(loaded,
                  editsPage(text, loadedIds, p * MergePage,
                            QDateTime::currentMSecsSinceEpoch() + 60000 + p * MergePage),
                  r.mergeEdit, r.mergeEditCpu, cursor);
    timeOutbox(loaded, text, r);
}

// Bulk load through the repositories. Memory security only changes how SQLite's memory is
// handled, not the file, so both encrypted configurations time the same loaded file (copied).
QList<QUuid> load(const QString &path, Config config, int records, const SecretBytes &key,
                  ModeResult &r)
{
    QList<QUuid> ids;
    ids.reserve(records);
    TextMaker text(42); // same data in every configuration
    auto store = openStore(path, config, key, Store::Mode::CreateNew);
    QElapsedTimer t;
    t.start();
    const QDateTime base = QDateTime::fromMSecsSinceEpoch(1735689600000, Qt::UTC);
    const int perCommit = 5000;
    for (int done = 0; done < records;) {
        auto batch = must(store->batch(), "batch");
        for (int i = 0; i < perCommit && done < records; ++i, ++done) {
            DiaryEntry d;
            d.writtenAt = base.addSecs(qint64(done) * 600);
            d.text = text.text(text.bounded(30, 120));
            d.wellbeing = 1 + done % 5;
            d.shared = done % 4 == 0;
            ids.append(must(store->diary().save(d), "save diary").id);
        }
        if (Status s = batch.commit(); !s)
            fail("commit", s.error());
    }
    // A synced device: the server has applied everything.
    for (;;) {
        const QList<OutboxEntry> pending = must(store->outbox().pending(10000), "pending");
        if (pending.isEmpty())
            break;
        QList<qint64> seqs;
        for (const OutboxEntry &e : pending)
            seqs.append(e.seq);
        if (Status s = store->outbox().markApplied(seqs); !s)
            fail("markApplied", s.error());
    }
    r.loadSeconds = elapsedMs(t) / 1000.0;
    if (Status s = store->checkpoint(); !s)
        fail("checkpoint", s.error());
    r.bytes = QFileInfo(path).size();
    const Result<qint64> freeCount = store->database().scalar("PRAGMA freelist_count");
    r.freeBytes = (freeCount ? *freeCount : 0) * 4096;
    return ids;
}

void measure(const QString &path, Config config, const SecretBytes &key, const QList<QUuid> &ids,
             ModeResult &r)
{
    // Open + unlock, then the first page (what the app does at start)
    for (int i = 0; i < (quick ? 0 : 30); ++i) {
        QElapsedTimer t;
        t.start();
        auto store = openStore(path, config, key, Store::Mode::OpenExisting);
        r.open.add(elapsedMs(t));
        auto page = must(store->diary().list({{}, 50}), "first page");
        r.openAndFirstPage.add(elapsedMs(t));
        if (page.items.size() != 50)
            fail("first page", Error(ErrorCode::Internal, QStringLiteral("short page")));
    }

    auto store = openStore(path, config, key, Store::Mode::OpenExisting);
    {
        sql::Statement st = store->database().prepare("PRAGMA cipher_memory_security");
        r.memorySecurity =
            (st.step().ok() ? st.text(0) : QStringLiteral("?")) +
            (sql::memoryWipeActive() ? QStringLiteral(" + wiping allocator") : QString());
    }
    for (int i = 0; i < (quick ? 0 : 300); ++i) {
        QElapsedTimer t;
        t.start();
        auto page = must(store->diary().list({{}, 50}), "first page");
        r.firstPage.add(elapsedMs(t));
    }

    TextMaker queries(7);
    for (int i = 0; i < (quick ? 0 : 300); ++i) {
        const QString q = queries.word();
        QElapsedTimer t;
        t.start();
        auto hits = must(store->search(q, 50), "search");
        r.search.add(elapsedMs(t));
        r.searchHits += hits.size();
    }
    if (config == Config::Plain && !quick) {
        // What ranking by relevance would cost (not what the store does): bm25 over every match.
        TextMaker ranked(7);
        for (int i = 0; i < 100; ++i) {
            sql::Statement st = store->database().prepare(
                "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rank LIMIT 50");
            st.bind(1, QLatin1Char('"') + ranked.word() + QLatin1Char('"'));
            QElapsedTimer t;
            t.start();
            for (;;) {
                Result<bool> row = st.step();
                if (!row || !*row)
                    break;
            }
            r.rankedSearch.add(elapsedMs(t));
        }
    }
    for (int i = 0; i < (quick ? 0 : 300); ++i) {
        const QString q = queries.word() + QLatin1Char(' ') + queries.word();
        QElapsedTimer t;
        t.start();
        auto hits = must(store->search(q, 50), "search");
        r.search2.add(elapsedMs(t));
    }

    TextMaker notes(99);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Participant p;
    p.pseudonym = QStringLiteral("BM");
    const QUuid participantId = must(store->participants().save(p), "participant").id;
    for (int i = 0; i < (lightRounds ? 500 : 2000); ++i) {
        Encounter e;
        e.participantId = participantId;
        e.occurredAt = now.addSecs(-i * 60);
        e.durationMinutes = 15 + i % 60;
        e.place = Place::Outreach;
        e.needs = {Need::Housing, Need::HarmReduction};
        e.supplies = {QStringLiteral("naloxone")};
        e.note = notes.text(notes.bounded(10, 60));
        e.nextStep = notes.text(5);
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuMs();
        must(store->encounters().save(e), "add encounter");
        r.addEncounter.add(elapsedMs(t));
        r.addEncounterCpu.add(threadCpuMs() - cpu0);
    }
    measureSync(QFileInfo(path).absolutePath(), config, key, ids, *store, r);
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly)
               ? QString::fromLatin1(f.readAll().split(' ').mid(0, 3).join(' '))
               : QStringLiteral("?");
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    return QStringLiteral("unknown CPU");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int records = 100000;
    int mergePages = 0; // --merge-only
    QString dirArg;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--quick"))
            quick = true;
        else if (args.at(i) == QLatin1String("--plain-only"))
            plainOnly = true;
        else if (args.at(i) == QLatin1String("--encrypted-only"))
            encryptedOnly = true;
        else if (args.at(i) == QLatin1String("--merge-only"))
            mergePages = std::max(mergePages, 100);
        else if (args.at(i) == QLatin1String("--words") && i + 1 < args.size()) {
            const QStringList range = args.at(++i).split(QLatin1Char('-'));
            mergeWords = {std::max(1, range.value(0).toInt()),
                          std::max(2, range.value(1).toInt() + 1)};
        } else if (args.at(i) == QLatin1String("--pages") && i + 1 < args.size())
            mergePages = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--records") && i + 1 < args.size())
            records = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--dir") && i + 1 < args.size())
            dirArg = args.at(++i);
    }
    QTemporaryDir tmp(dirArg.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench_store-XXXXXX")
                                       : dirArg + QStringLiteral("/bench_store-XXXXXX"));
    const SecretBytes key = SecretBytes::random(Store::KeyBytes);

    ModeResult plain, enc, encNoMem, encSqlCipher;
    const QString plainPath = tmp.path() + QStringLiteral("/plain.db");
    const QString encPath = tmp.path() + QStringLiteral("/encrypted.db");
    const QString encCopy = tmp.path() + QStringLiteral("/encrypted-copy.db");
    if (mergePages > 0) {
        // Encrypted first: the wiping allocator stays on once a store turned it on, so the
        // plain run after it is the same code and allocator with no key.
        const auto report = [&](const char *what, const ModeResult &m) {
            double sum = 0;
            for (double v : m.mergeEmpty.ms)
                sum += v;
            out << what << ": " << mergePages << " pages of " << MergePage
                << " new records merged into an empty store: p50 " << m.mergeEmpty.pct(50)
                << " µs/record (CPU " << m.mergeEmptyCpu.pct(50) << "), mean "
                << sum / double(m.mergeEmpty.ms.size()) << ", max " << m.mergeEmpty.pct(100) << "; "
                << qRound(double(mergePages * MergePage) / m.loadSeconds) << " records/s\n";
        };
        if (!plainOnly) {
            measureInitialMerge(encPath, Config::Encrypted, key, mergePages, enc);
            report("encrypted", enc);
        }
        if (!encryptedOnly) {
            measureInitialMerge(plainPath, Config::Plain, key, mergePages, plain);
            report("plain", plain);
        }
        out << "load average at the end: " << loadAverage() << "\n";
        out.flush();
        return 0;
    }
    if (encryptedOnly) {
        const QList<QUuid> ids =
            load(encPath, Config::EncryptedNoMemorySecurity, records, key, enc);
        measure(encPath, Config::Encrypted, key, ids, enc);
        out << "encrypted: merge empty p50 " << enc.mergeEmpty.pct(50) << " µs/record, new "
            << enc.mergeNew.pct(50) << ", edits " << enc.mergeEdit.pct(50)
            << "; outbox pending+applied " << enc.outboxBoth.pct(50) << " ms (pending "
            << enc.outboxPending.pct(50) << ", applied " << enc.outboxApplied.pct(50)
            << "); add encounter p50 " << enc.addEncounter.pct(50) << " ms, p99 "
            << enc.addEncounter.pct(99) << "; CPU: merge empty p50 " << enc.mergeEmptyCpu.pct(50)
            << " µs/record, new " << enc.mergeNewCpu.pct(50) << ", edits "
            << enc.mergeEditCpu.pct(50) << ", outbox " << enc.outboxCpu.pct(50)
            << " ms, add encounter p50 " << enc.addEncounterCpu.pct(50) << " ms\n";
        out.flush();
        return 0;
    }
    const QList<QUuid> plainIds = load(plainPath, Config::Plain, records, key, plain);
    measure(plainPath, Config::Plain, key, plainIds, plain);
    if (plainOnly) {
        out << "plain: merge empty p50 " << plain.mergeEmpty.pct(50) << " µs/record, new "
            << plain.mergeNew.pct(50) << ", edits " << plain.mergeEdit.pct(50)
            << "; outbox pending+applied " << plain.outboxBoth.pct(50) << " ms; add encounter p50 "
            << plain.addEncounter.pct(50) << " ms; CPU: merge empty p50 "
            << plain.mergeEmptyCpu.pct(50) << " µs/record, new " << plain.mergeNewCpu.pct(50)
            << ", edits " << plain.mergeEditCpu.pct(50) << ", outbox " << plain.outboxCpu.pct(50)
            << " ms, add encounter p50 " << plain.addEncounterCpu.pct(50) << " ms\n";
        out.flush();
        return 0;
    }
    const QList<QUuid> encIds = load(encPath, Config::EncryptedNoMemorySecurity, records, key, enc);
    encNoMem.loadSeconds = enc.loadSeconds;
    encNoMem.bytes = enc.bytes;
    if (!QFile::copy(encPath, encCopy))
        fail("copy", Error(ErrorCode::Io, QStringLiteral("cannot copy the encrypted store")));
    // SQLCipher cannot turn memory security off again once it is on in a process: measure the
    // configurations without it first.
    measure(encCopy, Config::EncryptedNoMemorySecurity, key, encIds, encNoMem);
    measure(encPath, Config::Encrypted, key, encIds, enc);
    // The previous shipped configuration, last (one-way), on the copy, with fewer samples.
    const bool wasQuick = quick;
    quick = true;
    lightRounds = true;
    measure(encCopy, Config::EncryptedSqlCipherMemory, key, encIds, encSqlCipher);
    quick = wasQuick;

    auto ms = [](double v) { return QString::number(v, 'f', 3); };
    auto row = [&](const char *what, const Samples &e, const Samples &n, const Samples &p,
                   double pc, const char *target) {
        const double base = std::max(p.pct(pc), 1e-9);
        out << "| " << what << " | " << ms(e.pct(pc)) << " | " << ms(n.pct(pc)) << " | "
            << ms(p.pct(pc)) << " | " << QString::number(e.pct(pc) / base, 'f', 2) << " | "
            << QString::number(n.pct(pc) / base, 'f', 2) << " | " << target << " |\n";
    };
    out << "Machine: " << cpuModel() << ", " << QThread::idealThreadCount() << " cores, "
        << QSysInfo::prettyProductName() << ", SQLite " << SQLITE_VERSION
        << ", records: " << records << ", cipher_memory_security read back: " << enc.memorySecurity
        << " / " << encNoMem.memorySecurity << " / " << plain.memorySecurity
        << ", load average at the end: " << loadAverage() << "\n\n";
    out << "| measure | encrypted (ms) | encrypted, no memory security (ms) | plain (ms) | ratio | "
           "ratio, no mem. sec. | target |\n"
           "|---|---|---|---|---|---|---|\n";
    row("add an encounter, p50", enc.addEncounter, encNoMem.addEncounter, plain.addEncounter, 50,
        "");
    row("add an encounter, p99", enc.addEncounter, encNoMem.addEncounter, plain.addEncounter, 99,
        "p99 < 5 ms, ratio <= 1.25");
    row("add an encounter, max", enc.addEncounter, encNoMem.addEncounter, plain.addEncounter, 100,
        "");
    row("search, one word, p50", enc.search, encNoMem.search, plain.search, 50, "");
    row("search, one word, p95", enc.search, encNoMem.search, plain.search, 95, "< 20 ms");
    row("search, two words, p95", enc.search2, encNoMem.search2, plain.search2, 95, "< 20 ms");
    row("open + unlock (no Argon2id), p50", enc.open, encNoMem.open, plain.open, 50, "");
    row("open + unlock (no Argon2id), p95", enc.open, encNoMem.open, plain.open, 95, "< 50 ms");
    row("open + unlock + first page, p95", enc.openAndFirstPage, encNoMem.openAndFirstPage,
        plain.openAndFirstPage, 95, "");
    row("first page of 50 (warm), p50", enc.firstPage, encNoMem.firstPage, plain.firstPage, 50, "");
    row("first page of 50 (warm), p95", enc.firstPage, encNoMem.firstPage, plain.firstPage, 95,
        "< 5 ms");
    row("applyRemote, new records into an empty store, µs/record, p50", enc.mergeEmpty,
        encNoMem.mergeEmpty, plain.mergeEmpty, 50, "");
    row("applyRemote, new records into an empty store, µs/record, max", enc.mergeEmpty,
        encNoMem.mergeEmpty, plain.mergeEmpty, 100, "< 50 µs (20,000 records/s)");
    row("applyRemote, new records into the loaded store, µs/record, p50", enc.mergeNew,
        encNoMem.mergeNew, plain.mergeNew, 50, "");
    row("applyRemote, edits of loaded records, µs/record, p50", enc.mergeEdit, encNoMem.mergeEdit,
        plain.mergeEdit, 50, "");
    row("outbox pending(2000), ms, p50", enc.outboxPending, encNoMem.outboxPending,
        plain.outboxPending, 50, "");
    row("outbox markApplied(2000), ms, p50", enc.outboxApplied, encNoMem.outboxApplied,
        plain.outboxApplied, 50, "");
    row("outbox pending + markApplied (2000), ms, p50", enc.outboxBoth, encNoMem.outboxBoth,
        plain.outboxBoth, 50, "< 200 ms (10,000 records/s)");
    out << "\nThread CPU time of the same operations (the machine is shared; wall time above "
           "includes waiting for a core):\n\n"
           "| measure (CPU) | encrypted | encrypted, no memory security | plain | ratio | "
           "ratio, no mem. sec. | |\n|---|---|---|---|---|---|---|\n";
    row("add an encounter, ms, p50", enc.addEncounterCpu, encNoMem.addEncounterCpu,
        plain.addEncounterCpu, 50, "");
    row("add an encounter, ms, p99", enc.addEncounterCpu, encNoMem.addEncounterCpu,
        plain.addEncounterCpu, 99, "");
    row("applyRemote into an empty store, µs/record, p50", enc.mergeEmptyCpu,
        encNoMem.mergeEmptyCpu, plain.mergeEmptyCpu, 50, "");
    row("applyRemote, new records into the loaded store, µs/record, p50", enc.mergeNewCpu,
        encNoMem.mergeNewCpu, plain.mergeNewCpu, 50, "");
    row("applyRemote, edits of loaded records, µs/record, p50", enc.mergeEditCpu,
        encNoMem.mergeEditCpu, plain.mergeEditCpu, 50, "");
    row("outbox pending + markApplied (2000), ms, p50", enc.outboxCpu, encNoMem.outboxCpu,
        plain.outboxCpu, 50, "");
    out << "\nSQLCipher's own cipher_memory_security (mlock + munlock per allocation, the "
           "configuration before the wiping allocator), same store, fewer samples: add an "
           "encounter p50 "
        << ms(encSqlCipher.addEncounter.pct(50)) << " ms, p99 "
        << ms(encSqlCipher.addEncounter.pct(99)) << " ms (CPU p50 "
        << ms(encSqlCipher.addEncounterCpu.pct(50)) << " ms); applyRemote into an empty store p50 "
        << ms(encSqlCipher.mergeEmpty.pct(50)) << " µs/record (CPU "
        << ms(encSqlCipher.mergeEmptyCpu.pct(50)) << "), new into the loaded store "
        << ms(encSqlCipher.mergeNew.pct(50)) << ", edits " << ms(encSqlCipher.mergeEdit.pct(50))
        << " µs/record; outbox pending + markApplied (2000) " << ms(encSqlCipher.outboxBoth.pct(50))
        << " ms (CPU " << ms(encSqlCipher.outboxCpu.pct(50)) << ").\n";
    out << "\nSearch: " << QString::number(double(plain.searchHits) / 300.0, 'f', 1)
        << " hits per one-word query on average (limit 50). Ordering by bm25 instead (plain, not "
           "used): p50 "
        << ms(plain.rankedSearch.pct(50)) << " ms, p95 " << ms(plain.rankedSearch.pct(95))
        << " ms.\n";
    out << "Bulk load of " << records
        << " diary entries (5,000 per commit, no memory security): encrypted "
        << QString::number(enc.loadSeconds, 'f', 1) << " s, plain "
        << QString::number(plain.loadSeconds, 'f', 1) << " s (ratio "
        << QString::number(enc.loadSeconds / plain.loadSeconds, 'f', 2) << ").\n";
    auto mib = [](qint64 b) { return QString::number(double(b) / 1048576.0, 'f', 1); };
    out << "Database file after checkpoint: encrypted " << mib(enc.bytes) << " MiB ("
        << mib(enc.freeBytes) << " MiB of it free pages left by the drained outbox), plain "
        << mib(plain.bytes) << " MiB (ratio "
        << QString::number(double(enc.bytes) / double(plain.bytes), 'f', 2) << ").\n";
    out.flush();
    return 0;
}
