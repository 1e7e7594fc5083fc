// SPDX-License-Identifier: GPL-3.0-or-later
#include "Statements.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <stdexcept>
#include <utility>
#include <vector>

namespace wp::server {

namespace {

const QString Folder = QStringLiteral(":/waypoint/server/sql");
constexpr std::string_view Header = "-- name: ";

// `line` without its "--" comment (outside quoted literals) and trailing blanks.
std::string withoutComment(const std::string &line)
{
    bool quoted = false;
    std::size_t end = line.size();
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\'')
            quoted = !quoted;
        else if (!quoted && line.compare(i, 2, "--") == 0) {
            end = i;
            break;
        }
    }
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r'))
        --end;
    return line.substr(0, end);
}

// Splits one file into its named pieces: code lines only, without a final ';'.
Status readPieces(const QString &path, std::map<std::string, std::string, std::less<>> &pieces)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Internal, QStringLiteral("cannot read %1").arg(path));
    std::string name, text;
    const auto finish = [&]() -> Status {
        if (name.empty())
            return {};
        while (!text.empty() && (text.back() == '\n' || text.back() == ';'))
            text.pop_back();
        if (!pieces.emplace(name, std::move(text)).second)
            return Error(
                ErrorCode::Internal,
                QStringLiteral("%1 names %2 twice").arg(path, QString::fromStdString(name)));
        text.clear();
        return {};
    };
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const std::string line = raw.toStdString();
        if (line.compare(0, Header.size(), Header) == 0) {
            if (Status s = finish(); !s)
                return s;
            name = line.substr(Header.size());
            continue;
        }
        const std::string code = withoutComment(line);
        if (name.empty() || code.find_first_not_of(" \t") == std::string::npos)
            continue;
        text += code;
        text += '\n';
    }
    return finish();
}

// `base` with each "{{hole}}" replaced by the piece named in `fill` (empty: nothing).
Result<std::string> compose(const std::map<std::string, std::string, std::less<>> &pieces,
                            std::string_view base,
                            const std::vector<std::pair<std::string, std::string>> &fill)
{
    const auto piece = [&](std::string_view name) -> const std::string * {
        const auto it = pieces.find(name);
        return it == pieces.end() ? nullptr : &it->second;
    };
    const std::string *text = piece(base);
    if (!text)
        return Error(ErrorCode::Internal,
                     QStringLiteral("no SQL piece %1").arg(QString::fromUtf8(base)));
    std::string out = *text;
    for (std::size_t at = out.find("{{"); at != std::string::npos; at = out.find("{{", at)) {
        const std::size_t close = out.find("}}", at);
        const std::string hole =
            out.substr(at + 2, close == std::string::npos ? 0 : close - at - 2);
        const auto filled =
            std::find_if(fill.begin(), fill.end(), [&](const auto &f) { return f.first == hole; });
        if (close == std::string::npos || filled == fill.end())
            return Error(ErrorCode::Internal,
                         QStringLiteral("%1 leaves {{%2}} unfilled")
                             .arg(QString::fromUtf8(base), QString::fromStdString(hole)));
        const std::string *with = filled->second.empty() ? nullptr : piece(filled->second);
        if (!filled->second.empty() && !with)
            return Error(
                ErrorCode::Internal,
                QStringLiteral("no SQL piece %1").arg(QString::fromStdString(filled->second)));
        const std::string replacement = with ? *with : std::string();
        out.replace(at, close + 2 - at, replacement);
        at += replacement.size();
    }
    return out;
}

struct Composed
{
    const char *name;
    const char *base;
    std::vector<std::pair<std::string, std::string>> fill;
    bool prepared;
};

// Every statement the service runs. Prepared: the hot ones, parsed and planned once per
// connection. The others run with their text: rare, or (push_changes_tombstones) planned for
// their values each time, so that no generic plan goes stale.
const std::vector<Composed> &catalogue()
{
    static const std::vector<Composed> all{
        {"session", "session", {}, false},
        {"auth", "auth", {}, true},
        {"touch", "touch", {}, true},
        {"offline_lease", "offline_lease", {}, false},
        {"enrolment_code", "enrolment_code", {}, false},
        {"enrolment_code_used", "enrolment_code_used", {}, false},
        {"enrolment_device", "enrolment_device", {}, false},
        {"device_profile", "device_profile", {}, false},
        {"device_rename", "device_rename", {}, false},
        {"key_directory", "key_directory", {}, false},
        {"public_keys_of", "public_keys_of", {}, false},
        {"public_keys_set", "public_keys_set", {}, false},
        {"key_backup_set", "key_backup_set", {}, false},
        {"key_backup_of", "key_backup_of", {}, false},
        {"supervisors_of", "supervisors_of", {}, false},
        {"approval_request_add", "approval_request_add", {}, false},
        {"approval_request_of", "approval_request_of", {}, false},
        {"new_devices", "new_devices", {}, false},
        {"approval_pending", "approval_pending", {}, false},
        {"approval_grant", "approval_grant", {}, false},
        {"approval_deny", "approval_deny", {}, false},
        {"approval_revoke", "approval_revoke", {}, false},
        {"approval_withdraw", "approval_withdraw", {}, false},
        {"workers_of", "workers_of", {}, false},
        {"key_state_of", "key_state_of", {}, false},
        {"key_state_lock", "key_state_lock", {}, false},
        {"device_key_of", "device_key_of", {}, false},
        {"device_key_set", "device_key_set", {}, false},
        {"rotation_devices", "rotation_devices", {}, false},
        {"rotation_bundle_of", "rotation_bundle_of", {}, false},
        {"rotation_apply", "rotation_apply", {}, false},
        {"rotation_record", "rotation_record", {}, false},
        {"bundle_add", "bundle_add", {}, false},
        {"key_chains", "key_chains", {}, false},
        {"pull",
         "pull",
         {{"authentication", ""},
          {"reader", "pull.reader"},
          {"credentials", ""},
          {"budget", "pull.budget"}},
         true},
        {"sync_pull",
         "pull",
         {{"authentication", "sync_pull.authentication"},
          {"reader", "sync_pull.reader"},
          {"credentials", "sync_pull.credentials"},
          {"budget", "sync_pull.budget"}},
         true},
        {"push_prepare", "push_prepare", {}, true},
        {"push_prior", "push_prior", {}, true},
        {"audience_readers_known", "audience_readers_known", {}, false},
        {"push_withdrawals", "push_withdrawals", {}, false},
        {"audience_create", "audience_create", {}, false},
        {"audience_readers_add", "audience_readers_add", {}, false},
        {"claim_records", "claim_records", {}, true},
        {"push_verdicts", "push_verdicts", {}, true},
        {"push_changes", "push_changes", {{"tombstones", ""}}, true},
        {"push_changes_tombstones",
         "push_changes",
         {{"tombstones", "push_changes.tombstones"}},
         false},
        {"push_purge", "push_purge", {}, false},
        {"push_grouped", "push_grouped", {}, true},
        {"push_response", "push_response", {}, true},
    };
    return all;
}

} // namespace

Result<Statements> Statements::load()
{
    std::map<std::string, std::string, std::less<>> pieces;
    const QStringList files =
        QDir(Folder).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Error(ErrorCode::Internal, QStringLiteral("the SQL resources are missing"));
    for (const QString &file : files)
        if (Status s = readPieces(Folder + u'/' + file, pieces); !s)
            return s.error();
    Statements out;
    for (const Composed &c : catalogue()) {
        auto text = compose(pieces, c.base, c.fill);
        if (!text)
            return text.error();
        out.m_statements.emplace(c.name, std::move(*text));
    }
    return out;
}

const std::string &Statements::text(std::string_view name) const
{
    const auto it = m_statements.find(name);
    if (it == m_statements.end())
        throw std::logic_error("unknown statement " + std::string(name));
    return it->second;
}

ConnectionPool::Prepared Statements::prepared() const
{
    ConnectionPool::Prepared out;
    for (const Composed &c : catalogue())
        if (c.prepared)
            out.emplace_back(c.name, text(c.name));
    return out;
}

} // namespace wp::server
