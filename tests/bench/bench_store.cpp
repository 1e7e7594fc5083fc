// bench_store: the encrypted store against the same code with no key (SQLCipher as plain
// SQLite), same data, same process. Prints a Markdown table for docs/benchmarks.md.
//
//   bench_store [--records N] [--dir DIR]
//
// Per configuration (plain; encrypted; encrypted without cipher_memory_security): bulk-load N diary entries through the repositories (insert + FTS + outbox +
// audit, 5,000 per commit), then time: open + unlock (raw key, no Argon2id), the first page
// of 50 of the N-row list, full-text search, and adding an encounter (one commit each).

#include "Store.h"

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
        const qsizetype i = std::min<qsizetype>(s.size() - 1, qsizetype(p / 100.0 * double(s.size())));
        return s.at(i);
    }
};

double elapsedMs(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

[[noreturn]] void fail(const char *what, const Error &e)
{
    std::fprintf(stderr, "bench_store: %s: %s\n", what, qPrintable(e.message));
    std::exit(1);
}

template <class R>
auto must(R &&r, const char *what)
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
        static const char *syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa",
                                          "do", "fe", "gu", "hi", "jo", "be", "ci", "wu", "ye", "xo"};
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
        const int rank = std::min<int>(int(m_words.size()) - 1, int(std::pow(double(m_words.size()), u)) - 1);
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
    Samples open, firstPage, openAndFirstPage, search, search2, addEncounter;
};

enum class Config { Plain, Encrypted, EncryptedNoMemorySecurity };

std::unique_ptr<Store> openStore(const QString &path, Config config, const SecretBytes &key, Store::Mode mode)
{
    StoreOptions options;
    options.memorySecurity = config == Config::Encrypted;
    return config == Config::Plain ? must(Store::openUnencrypted(path, mode), "open unencrypted")
                                   : must(Store::open(path, key, mode, options), "open");
}

// Bulk load through the repositories. Memory security only changes how SQLite's memory is
// handled, not the file, so both encrypted configurations time the same loaded file (copied).
void load(const QString &path, Config config, int records, const SecretBytes &key, ModeResult &r)
{
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
            must(store->diary().save(d), "save diary");
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
}

void measure(const QString &path, Config config, const SecretBytes &key, ModeResult &r)
{
    // Open + unlock, then the first page (what the app does at start)
    for (int i = 0; i < 30; ++i) {
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
        r.memorySecurity = st.step().ok() ? st.text(0) : QStringLiteral("?");
    }
    for (int i = 0; i < 300; ++i) {
        QElapsedTimer t;
        t.start();
        auto page = must(store->diary().list({{}, 50}), "first page");
        r.firstPage.add(elapsedMs(t));
    }

    TextMaker queries(7);
    for (int i = 0; i < 300; ++i) {
        const QString q = queries.word();
        QElapsedTimer t;
        t.start();
        auto hits = must(store->search(q, 50), "search");
        r.search.add(elapsedMs(t));
        r.searchHits += hits.size();
    }
    for (int i = 0; i < 300; ++i) {
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
    for (int i = 0; i < 2000; ++i) {
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
        must(store->encounters().save(e), "add encounter");
        r.addEncounter.add(elapsedMs(t));
    }
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().split(' ').mid(0, 3).join(' '))
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
    QString dirArg;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--records"))
            records = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--dir"))
            dirArg = args.at(i + 1);
    }
    QTemporaryDir tmp(dirArg.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench_store-XXXXXX")
                                       : dirArg + QStringLiteral("/bench_store-XXXXXX"));
    const SecretBytes key = SecretBytes::random(Store::KeyBytes);

    ModeResult plain, enc, encNoMem;
    const QString plainPath = tmp.path() + QStringLiteral("/plain.db");
    const QString encPath = tmp.path() + QStringLiteral("/encrypted.db");
    const QString encCopy = tmp.path() + QStringLiteral("/encrypted-copy.db");
    load(plainPath, Config::Plain, records, key, plain);
    measure(plainPath, Config::Plain, key, plain);
    load(encPath, Config::EncryptedNoMemorySecurity, records, key, enc);
    encNoMem.loadSeconds = enc.loadSeconds;
    encNoMem.bytes = enc.bytes;
    if (!QFile::copy(encPath, encCopy))
        fail("copy", Error(ErrorCode::Io, QStringLiteral("cannot copy the encrypted store")));
    // SQLCipher cannot turn memory security off again once it is on in a process: measure the
    // configurations without it first.
    measure(encCopy, Config::EncryptedNoMemorySecurity, key, encNoMem);
    measure(encPath, Config::Encrypted, key, enc);

    auto ms = [](double v) { return QString::number(v, 'f', 3); };
    auto row = [&](const char *what, const Samples &e, const Samples &n, const Samples &p, double pc,
                   const char *target) {
        const double base = std::max(p.pct(pc), 1e-9);
        out << "| " << what << " | " << ms(e.pct(pc)) << " | " << ms(n.pct(pc)) << " | " << ms(p.pct(pc))
            << " | " << QString::number(e.pct(pc) / base, 'f', 2) << " | "
            << QString::number(n.pct(pc) / base, 'f', 2) << " | " << target << " |\n";
    };
    out << "Machine: " << cpuModel() << ", " << QThread::idealThreadCount() << " cores, "
        << QSysInfo::prettyProductName() << ", SQLite " << SQLITE_VERSION << ", records: " << records
        << ", cipher_memory_security read back: " << enc.memorySecurity << " / " << encNoMem.memorySecurity
        << " / " << plain.memorySecurity << ", load average at the end: " << loadAverage() << "\n\n";
    out << "| measure | encrypted (ms) | encrypted, no memory security (ms) | plain (ms) | ratio | ratio, no mem. sec. | target |\n"
           "|---|---|---|---|---|---|---|\n";
    row("add an encounter, p50", enc.addEncounter, encNoMem.addEncounter, plain.addEncounter, 50, "");
    row("add an encounter, p99", enc.addEncounter, encNoMem.addEncounter, plain.addEncounter, 99,
        "p99 < 5 ms, ratio <= 1.25");
    row("add an encounter, max", enc.addEncounter, encNoMem.addEncounter, plain.addEncounter, 100, "");
    row("search, one word, p50", enc.search, encNoMem.search, plain.search, 50, "");
    row("search, one word, p95", enc.search, encNoMem.search, plain.search, 95, "< 20 ms");
    row("search, two words, p95", enc.search2, encNoMem.search2, plain.search2, 95, "< 20 ms");
    row("open + unlock (no Argon2id), p50", enc.open, encNoMem.open, plain.open, 50, "");
    row("open + unlock (no Argon2id), p95", enc.open, encNoMem.open, plain.open, 95, "< 50 ms");
    row("open + unlock + first page, p95", enc.openAndFirstPage, encNoMem.openAndFirstPage,
        plain.openAndFirstPage, 95, "");
    row("first page of 50 (warm), p50", enc.firstPage, encNoMem.firstPage, plain.firstPage, 50, "");
    row("first page of 50 (warm), p95", enc.firstPage, encNoMem.firstPage, plain.firstPage, 95, "< 5 ms");
    out << "\nSearch: " << QString::number(double(plain.searchHits) / 300.0, 'f', 1)
        << " hits per one-word query on average (limit 50).\n";
    out << "Bulk load of " << records << " diary entries (5,000 per commit, no memory security): encrypted "
        << QString::number(enc.loadSeconds, 'f', 1) << " s, plain " << QString::number(plain.loadSeconds, 'f', 1)
        << " s (ratio " << QString::number(enc.loadSeconds / plain.loadSeconds, 'f', 2) << ").\n";
    auto mib = [](qint64 b) { return QString::number(double(b) / 1048576.0, 'f', 1); };
    out << "Database file after checkpoint: encrypted " << mib(enc.bytes) << " MiB (" << mib(enc.freeBytes)
        << " MiB of it free pages left by the drained outbox), plain " << mib(plain.bytes) << " MiB (ratio "
        << QString::number(double(enc.bytes) / double(plain.bytes), 'f', 2) << ").\n";
    out.flush();
    return 0;
}
