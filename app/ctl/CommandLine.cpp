// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include <vector>

namespace wp::ctl {
namespace {

struct OptionSpec
{
    const char *name;
    bool takesValue;
    bool repeatable;
};

struct CommandSpec
{
    const char *name;
    int minPositionals;
    int maxPositionals;
    std::vector<OptionSpec> options;
};

const OptionSpec Json{"json", false, false};
const OptionSpec Limit{"limit", true, false};
const OptionSpec UnlockMs{"unlock-ms", true, false};

const std::vector<CommandSpec> Commands{
    {"init", 0, 0, {{"pin-only", false, false}, UnlockMs}},
    {"diary add",
     0,
     0,
     {{"text", true, false},
      {"wellbeing", true, false},
      {"stress", true, false},
      {"theme", true, true},
      {"self-care", true, true},
      {"share", false, false}}},
    {"diary list", 0, 0, {Json, Limit}},
    {"diary share", 1, 1, {}},
    {"diary unshare", 1, 1, {}},
    {"diary edit",
     1,
     1,
     {{"text", true, false}, {"wellbeing", true, false}, {"stress", true, false}}},
    {"encounter add",
     0,
     0,
     {{"participant", true, false},
      {"at", true, false},
      {"place", true, false},
      {"need", true, true},
      {"supply", true, true},
      {"duration", true, false},
      {"note", true, false},
      {"next-step", true, false},
      {"follow-up", true, false},
      {"stage-after", true, false},
      {"advocacy", true, true},
      {"obstacle", true, true},
      {"safety-concern", false, false}}},
    {"encounter list", 0, 0, {Json, Limit}},
    {"encounter edit",
     1,
     1,
     {{"at", true, false},
      {"place", true, false},
      {"need", true, true},
      {"needs", true, true},
      {"note", true, false},
      {"notes", true, false}}},
    {"encounter delete", 1, 1, {{"yes", false, false}}},
    {"participant add",
     0,
     0,
     {{"pseudonym", true, false},
      {"stage", true, false},
      {"consent-scope", true, false},
      {"follow-up", true, false}}},
    {"participant list", 0, 0, {Json, Limit}},
    {"participant rename", 1, 1, {{"pseudonym", true, false}}},
    {"participant delete", 1, 1, {{"yes", false, false}}},
    {"participant withdraw-consent", 1, 1, {{"yes", false, false}}},
    {"search", 1, -1, {Json, Limit}},
    {"audit verify", 0, 0, {}},
    {"change-pin", 0, 0, {UnlockMs}},
    {"status", 0, 0, {Json}},
    {"enroll",
     0,
     0,
     {{"server", true, false},
      {"code", true, false},
      {"device-name", true, false},
      {"wait-approval", false, false},
      {"timeout", true, false}}},
    {"await-approval", 0, 0, {{"timeout", true, false}}},
    {"devices new", 0, 0, {Json}},
    {"devices pending", 0, 0, {Json}},
    {"devices dismiss", 1, 1, {}},
    {"device approve", 2, -1, {}},
    {"device deny", 1, 1, {{"yes", false, false}}},
    {"sync", 0, 0, {Json}},
    {"set-aside", 0, 0, {Json, Limit}},
    {"keys", 0, 0, {Json}},
    {"keys rotate", 0, 0, {}},
    {"confirm-key", 2, -1, {}},
    {"restore-keys", 0, 0, {}},
    {"device show", 0, 0, {Json}},
    {"device rename", 1, 1, {Json}},
    {"conflicts list", 0, 0, {Json}},
    {"conflicts resolve", 1, 1, {{"keep", true, false}, {"text", true, false}}},
    {"team", 0, 0, {Json}},
    {"review list", 0, 0, {Json}},
    {"review mark", 1, 1, {}},
    {"review raise", 1, 1, {{"off", false, false}}},
    {"review agenda", 0, 0, {Json}},
    {"comment add", 1, 1, {{"text", true, false}}},
    {"comment list", 0, 0, {Json}},
    {"comment ack", 1, 1, {}},
};

Error usageError(const QString &message)
{
    return {ErrorCode::InvalidInput, message};
}

bool isPinOption(const QString &name)
{
    return name.compare(QLatin1String("pin"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("new-pin"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("passphrase"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("recovery-passphrase"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("recovery-key"), Qt::CaseInsensitive) == 0;
}

} // namespace

QString usage()
{
    return QStringLiteral(
        "Usage: waypointctl [--data-dir DIR] COMMAND [OPTIONS]\n"
        "\n"
        "The PIN is read from WAYPOINT_PIN or asked for on the terminal; never from arguments.\n"
        "\n"
        "Commands:\n"
        "  init [--pin-only]             create an encrypted store (asks for a new PIN); its\n"
        "                                key is also wrapped by a secret in the system keychain\n"
        "                                (refused if there is none); --pin-only: the PIN alone;\n"
        "                                --unlock-ms N: the time an unlock may take on this\n"
        "                                machine (100-5000, default 750), which sizes Argon2id\n"
        "  diary add --text T [--wellbeing 1-5] [--stress 1-5] [--theme KEY]...\n"
        "            [--self-care KEY]... [--share]\n"
        "  diary list [--json] [--limit N]\n"
        "  diary edit ID [--text T] [--wellbeing 1-5] [--stress 1-5]\n"
        "  diary share ID                let the entry reach your supervisors at the next sync\n"
        "  diary unshare ID              make it private again; their devices delete their copy\n"
        "  encounter add [--participant ID] [--at ISO-TIME] [--place KEY] [--need KEY]...\n"
        "            [--supply KEY]... [--duration MIN] [--note T] [--next-step T]\n"
        "            [--follow-up YYYY-MM-DD] [--stage-after KEY] [--advocacy KEY]...\n"
        "            [--obstacle KEY]... [--safety-concern]\n"
        "  encounter list [--json] [--limit N]\n"
        "  encounter edit ID [--at ISO-TIME] [--place KEY] [--need KEY]... [--note T]\n"
        "                                change what is given, keep the rest; --need replaces\n"
        "                                the needs (--needs, --notes: the same)\n"
        "  encounter delete ID [--yes]   delete here, and after sync on the other devices;\n"
        "                                asks first unless --yes\n"
        "  participant add --pseudonym P [--stage KEY] [--consent-scope S] [--follow-up DATE]\n"
        "  participant list [--json] [--limit N]\n"
        "  participant rename ID --pseudonym P\n"
        "  participant delete ID [--yes]\n"
        "                                erase the participant and their encounters here, and\n"
        "                                after sync on the other devices and the server; asks\n"
        "                                first unless --yes\n"
        "  participant withdraw-consent ID [--yes]\n"
        "                                consent withdrawn: erases them as delete does\n"
        "  search QUERY [--json] [--limit N]\n"
        "  audit verify                  check the tamper-evident audit chain\n"
        "  change-pin [--unlock-ms N]    old PIN from WAYPOINT_PIN, new from WAYPOINT_NEW_PIN\n"
        "  status [--json]               attempts left and wait time; needs no PIN\n"
        "  enroll --server URL --code CODE [--device-name NAME]\n"
        "                                enrol this device for sync; the user's first device\n"
        "                                prints the new recovery key once; a later one reads\n"
        "                                it from WAYPOINT_RECOVERY_KEY or the prompt\n"
        "           [--wait-approval [--timeout S]]\n"
        "                                a later device: instead of the recovery key, wait\n"
        "                                (600 s by default) for another of your devices to\n"
        "                                approve this one; prints the number to compare\n"
        "  await-approval [--timeout S]  wait again for that approval\n"
        "  devices new [--json]          your devices enrolled after this one, and their state\n"
        "  devices pending [--json]      those waiting for approval, with the number each shows\n"
        "  devices dismiss DEVICE-ID     sync stops telling about that new device\n"
        "  device approve DEVICE-ID NUMBER\n"
        "                                hand your keys to a waiting device, after checking\n"
        "                                the number it shows (typed back)\n"
        "  device deny DEVICE-ID [--yes] revoke a waiting device; asks first unless --yes\n"
        "  sync [--json]                 pull, then push until the outbox is empty\n"
        "  set-aside [--json] [--limit N]\n"
        "                                pulled changes not merged (could not be verified or\n"
        "                                opened, or invalid), newest first, with why\n"
        "  keys [--json]                 other users' keys pinned on this device, with their\n"
        "                                fingerprints, and any changed key waiting\n"
        "  keys rotate                   make the user's next keys now (after a revocation\n"
        "                                a sync does it), or take newer ones from the server\n"
        "  confirm-key USER-ID FINGERPRINT\n"
        "                                accept a user's changed key, after comparing its\n"
        "                                fingerprint (typed back) with its owner in person\n"
        "  restore-keys                  fetch the key backup and restore the user's keys\n"
        "                                with the recovery key (as enroll reads it)\n"
        "  device show [--json]          who this device is for (the user's name and\n"
        "                                organisation, as the server says), its name and id\n"
        "  device rename NAME [--json]   rename this device, here and on the server (1 to 64\n"
        "                                characters); offline, the name is sent at next sync\n"
        "  conflicts list [--json]       texts edited here and on another device before they\n"
        "                                synced: both versions, until resolved\n"
        "  conflicts resolve ID --keep mine|theirs\n"
        "  conflicts resolve ID --text T keep one version, or save a merged text; the next\n"
        "                                sync sends it\n"
        "  team [--json]                 a supervisor's workers: last sync, entries to\n"
        "                                review, open action items, wellbeing trend\n"
        "  review list [--json]          entries your workers shared with you, not yet\n"
        "                                reviewed first, newest first\n"
        "  review mark ID                mark a shared entry read (its author sees it)\n"
        "  review raise ID [--off]       raise an entry at the next supervision (a shared\n"
        "                                entry, or one of your own); --off takes it back\n"
        "  review agenda [--json]        your entries raised for your next supervision\n"
        "  comment add ID --text T       comment on a shared entry, for its author alone\n"
        "  comment list [--json]         comments and review marks, with acknowledgements\n"
        "  comment ack ID                acknowledge a comment on one of your entries\n"
        "\n"
        "--self-care and --supply take a key such as took_break or naloxone (a label, in English\n"
        "or French, is read as its key); other text is kept as typed.\n"
        "--json prints one JSON object per line (JSON Lines).\n"
        "Exit codes: 0 ok, 2 usage or invalid input, 3 wrong PIN, recovery key or locked,\n"
        "4 store error, 5 server unreachable or sync incomplete, 6 not enrolled, refused\n"
        "or revoked, 7 changes refused by the server (the rest synced).\n");
}

Result<ParsedCommand> parseCommandLine(const QStringList &arguments)
{
    ParsedCommand parsed;
    QStringList words; // before the command is known
    QStringList rest;  // options and positionals after it
    const CommandSpec *spec = nullptr;

    // Split "--name=value" and find the global options wherever they are.
    QStringList args;
    for (const QString &a : arguments) {
        if (a.startsWith(QLatin1String("--")) && a.contains(u'=')) {
            const qsizetype eq = a.indexOf(u'=');
            args << a.left(eq) << a.mid(eq + 1);
        } else {
            args << a;
        }
    }

    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--data-dir")) {
            if (i + 1 >= args.size() || args.at(i + 1).isEmpty())
                return usageError(QStringLiteral("--data-dir needs a folder."));
            parsed.dataDir = args.at(++i);
            continue;
        }
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            parsed.help = true;
            continue;
        }
        if (a.startsWith(QLatin1String("--")) && isPinOption(a.mid(2)))
            return usageError(QStringLiteral("The PIN is never taken from the command line (it "
                                             "would show in the process list); set "
                                             "WAYPOINT_PIN or type it at the prompt."));
        if (spec) {
            // A longer command's name ("keys rotate" after "keys") wins over positionals.
            const CommandSpec *longer = nullptr;
            if (rest.isEmpty() && !a.startsWith(u'-'))
                for (const CommandSpec &c : Commands)
                    if (words.join(u' ') + u' ' + a == QLatin1String(c.name))
                        longer = &c;
            if (longer) {
                words << a;
                spec = longer;
            } else {
                rest << a;
            }
            continue;
        }
        if (a.startsWith(u'-'))
            return usageError(QStringLiteral("Unknown option %1 before the command.").arg(a));
        words << a;
        const QString name = words.join(u' ');
        for (const CommandSpec &c : Commands)
            if (name == QLatin1String(c.name))
                spec = &c;
        if (!spec && words.size() >= 2)
            return usageError(QStringLiteral("Unknown command \"%1\".").arg(name));
    }
    if (parsed.help)
        return parsed;
    if (!spec)
        return usageError(words.isEmpty()
                              ? QStringLiteral("No command given; see waypointctl --help.")
                              : QStringLiteral("Unknown command \"%1\".").arg(words.join(u' ')));
    parsed.name = QLatin1String(spec->name);

    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QString &a = rest.at(i);
        if (!a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            if (a == QLatin1String("--")) {
                parsed.positionals << rest.mid(i + 1);
                break;
            }
            parsed.positionals << a;
            continue;
        }
        const QString name = a.mid(2);
        const OptionSpec *option = nullptr;
        for (const OptionSpec &o : spec->options)
            if (name == QLatin1String(o.name))
                option = &o;
        if (!option)
            return usageError(QStringLiteral("%1 has no option --%2.").arg(parsed.name, name));
        if (parsed.options.contains(name) && !option->repeatable)
            return usageError(QStringLiteral("--%1 was given twice.").arg(name));
        QStringList &values = parsed.options[name];
        if (option->takesValue) {
            if (i + 1 >= rest.size())
                return usageError(QStringLiteral("--%1 needs a value.").arg(name));
            values << rest.at(++i);
        }
    }
    if (parsed.positionals.size() < spec->minPositionals)
        return usageError(parsed.name == QLatin1String("search")
                              ? QStringLiteral("search needs a query.")
                          : parsed.name == QLatin1String("device rename")
                              ? QStringLiteral("device rename needs the new name.")
                              : QStringLiteral("%1 needs a record id.").arg(parsed.name));
    if (spec->maxPositionals >= 0 && parsed.positionals.size() > spec->maxPositionals)
        return usageError(QStringLiteral("Unexpected argument \"%1\" for %2.")
                              .arg(parsed.positionals.value(spec->maxPositionals), parsed.name));
    return parsed;
}

} // namespace wp::ctl
