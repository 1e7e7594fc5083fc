// SPDX-License-Identifier: GPL-3.0-or-later
// A second process for the store tests.
//   add PATH       adds diary entries forever, printing each id once its transaction committed
//   hold PATH      opens the store, prints "open", keeps it open until stdin closes
//   try-open PATH  tries to open the store and prints "ok" or the error code number
//   sqlite-first PATH  initialises SQLite before the store can install its allocator, opens
//                  the store and prints "wiping <0|1> cipher_memory_security <value>"
//   lock-every PATH  opens a new store with StoreOptions::lockEveryAllocation, prints the same

#include "StoreTestSupport.h"
#include "WipingAllocator.h"

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <unistd.h>

using namespace wp;

namespace {

void say(const QByteArray &line)
{
    const QByteArray out = line + '\n';
    // Straight to the fd: the parent must see the line even if we are killed right after.
    (void)::write(STDOUT_FILENO, out.constData(), size_t(out.size()));
}

Result<std::unique_ptr<Store>> openOrCreate(const QString &path)
{
    // CreateNew also completes a creation a kill interrupted; it refuses an existing store.
    auto created = Store::open(path, test::testKey(), Store::Mode::CreateNew);
    if (created || created.error().code != ErrorCode::InvalidInput)
        return created;
    return Store::open(path, test::testKey(), Store::Mode::OpenExisting);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return 2;
    const QString mode = args.at(1);
    const QString path = args.at(2);
    if (mode == QLatin1String("sqlite-first"))
        (void)sqlite3_initialize();

    StoreOptions lockEvery;
    lockEvery.lockEveryAllocation = true;
    auto store = mode == QLatin1String("lock-every")
                     ? Store::open(path, test::testKey(), Store::Mode::CreateNew, lockEvery)
                     : openOrCreate(path);
    if (mode == QLatin1String("try-open")) {
        say(store.ok() ? QByteArray("ok") : QByteArray::number(int(store.error().code)));
        return 0;
    }
    if (!store) {
        say("error " + store.error().message.toUtf8());
        return 1;
    }
    if (mode == QLatin1String("sqlite-first") || mode == QLatin1String("lock-every")) {
        Result<qint64> pragma = (*store)->database().scalar("PRAGMA cipher_memory_security");
        say("wiping " + QByteArray::number(sql::memoryWipeActive() ? 1 : 0) +
            " cipher_memory_security " + QByteArray::number(pragma ? *pragma : -1));
        return 0;
    }
    if (mode == QLatin1String("hold")) {
        say("open");
        char c;
        while (::read(STDIN_FILENO, &c, 1) > 0) {
        }
        return 0;
    }
    if (mode == QLatin1String("add")) {
        for (int i = 0;; ++i) {
            DiaryEntry d =
                test::diary(QStringLiteral("crash test entry %1 ").arg(i).repeated(1 + i % 20));
            auto saved = (*store)->diary().save(d);
            if (!saved) {
                say("error " + saved.error().message.toUtf8());
                return 1;
            }
            say(saved->id.toByteArray(QUuid::WithoutBraces));
        }
    }
    return 2;
}
