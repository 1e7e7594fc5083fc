// SPDX-License-Identifier: GPL-3.0-or-later
// `fuzz_X --write-seeds=DIR` writes the target's seeds into DIR, one file each, and exits:
// how scripts/fuzz starts a corpus. libFuzzer ignores options that start with "--", so this
// hook is the only one that reads it.

#include "FuzzSeeds.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const QByteArray option("--write-seeds=");
    for (int i = 1; i < *argc; ++i) {
        const QByteArray arg((*argv)[i]);
        if (!arg.startsWith(option))
            continue;
        const QDir dir(QFile::decodeName(arg.mid(option.size())));
        if (!dir.mkpath(QStringLiteral("."))) {
            std::fprintf(stderr, "cannot make %s\n", arg.mid(option.size()).constData());
            std::exit(1);
        }
        const QList<QByteArray> seeds = fuzz::targetSeeds();
        for (qsizetype n = 0; n < seeds.size(); ++n) {
            QFile file(dir.filePath(QStringLiteral("seed-%1").arg(n, 3, 10, QLatin1Char('0'))));
            if (!file.open(QIODevice::WriteOnly) || file.write(seeds[n]) != seeds[n].size()) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
                std::exit(1);
            }
        }
        std::exit(0);
    }
    return 0;
}
