// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecoveryKey.h"

#include "Sodium.h"

#include <sodium.h>

#include <array>
#include <set>

namespace wp::crypto {

namespace {

constexpr char Alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
constexpr int Characters = RecoveryKey::Groups * RecoveryKey::GroupLength;
constexpr int DataCharacters = RecoveryKey::DataGroups * RecoveryKey::GroupLength;
static_assert(DataCharacters * 5 == int(RecoveryKey::Bytes) * 8);

// A typed key's symbols (5-bit values), wiped when it goes away.
struct Symbols
{
    std::array<unsigned char, Characters> v{};
    ~Symbols() { sodium_memzero(v.data(), v.size()); }
};

// One typed character as a 5-bit value, -1 for a character Crockford base32 has not.
int symbolOf(char c)
{
    if (c >= 'a' && c <= 'z')
        c = char(c - 'a' + 'A');
    if (c == 'O')
        c = '0';
    else if (c == 'I' || c == 'L')
        c = '1';
    for (int i = 0; i < 32; ++i)
        if (Alphabet[i] == c)
            return i;
    return -1;
}

void unpack(const std::array<unsigned char, Characters> &symbols, unsigned char *out)
{
    unsigned buffer = 0;
    int bits = 0;
    std::size_t n = 0;
    for (int i = 0; i < DataCharacters; ++i) {
        buffer = (buffer << 5) | symbols[std::size_t(i)];
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = static_cast<unsigned char>(buffer >> bits);
        }
    }
    buffer = 0;
}

// The checksum group's four symbols: the first 20 bits of a domain-separated BLAKE2b.
std::array<unsigned char, RecoveryKey::GroupLength> checksumOf(const unsigned char *secret)
{
    static const char Tag[] = "waypoint recovery key check v1";
    unsigned char hash[32];
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, sizeof hash);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(Tag), sizeof Tag - 1);
    crypto_generichash_update(&state, secret, RecoveryKey::Bytes);
    crypto_generichash_final(&state, hash, sizeof hash);
    const unsigned bits = (unsigned(hash[0]) << 12) | (unsigned(hash[1]) << 4) | (hash[2] >> 4);
    sodium_memzero(hash, sizeof hash);
    return {static_cast<unsigned char>((bits >> 15) & 31),
            static_cast<unsigned char>((bits >> 10) & 31),
            static_cast<unsigned char>((bits >> 5) & 31), static_cast<unsigned char>(bits & 31)};
}

bool checks(const std::array<unsigned char, Characters> &symbols)
{
    // On the stack, not SecretBytes: the typo search calls this a thousand times, and a
    // locked page per call would cost more than the hashing.
    unsigned char secret[RecoveryKey::Bytes];
    unpack(symbols, secret);
    const auto sum = checksumOf(secret);
    sodium_memzero(secret, sizeof secret);
    bool same = true;
    for (int i = 0; i < RecoveryKey::GroupLength; ++i)
        same &= sum[std::size_t(i)] == symbols[std::size_t(DataCharacters + i)];
    return same;
}

// The 1-based group that one changed character or two swapped neighbours would mend, or 0
// when none or more than one would.
int groupToBlame(const std::array<unsigned char, Characters> &typed)
{
    Symbols trial;
    trial.v = typed;
    std::set<int> mendable;
    for (int i = 0; i < Characters; ++i) {
        const unsigned char was = trial.v[std::size_t(i)];
        for (unsigned char s = 0; s < 32; ++s) {
            if (s == was)
                continue;
            trial.v[std::size_t(i)] = s;
            if (checks(trial.v))
                mendable.insert(i / RecoveryKey::GroupLength + 1);
        }
        trial.v[std::size_t(i)] = was;
        if ((i + 1) % RecoveryKey::GroupLength != 0 &&
            typed[std::size_t(i)] != typed[std::size_t(i + 1)]) {
            std::swap(trial.v[std::size_t(i)], trial.v[std::size_t(i + 1)]);
            if (checks(trial.v))
                mendable.insert(i / RecoveryKey::GroupLength + 1);
            std::swap(trial.v[std::size_t(i)], trial.v[std::size_t(i + 1)]);
        }
    }
    return mendable.size() == 1 ? *mendable.begin() : 0;
}

Result<RecoveryKey> mistyped(QString message, int group)
{
    Error e(ErrorCode::InvalidInput, std::move(message), QStringLiteral("recoveryKey"));
    e.reason = group;
    return e;
}

} // namespace

RecoveryKey RecoveryKey::generate()
{
    ensureSodium();
    return RecoveryKey(SecretBytes::random(Bytes));
}

Result<RecoveryKey> RecoveryKey::parse(QStringView typed)
{
    QByteArray utf8 = typed.toUtf8();
    auto key = parse(SecretBytes::takeFrom(utf8));
    return key;
}

Result<RecoveryKey> RecoveryKey::parse(const SecretBytes &typedUtf8)
{
    ensureSodium();
    Symbols symbols;
    int count = 0, badGroup = 0;
    for (std::size_t i = 0; i < typedUtf8.size(); ++i) {
        const char c = char(typedUtf8.data()[i]);
        if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r')
            continue;
        const int s = symbolOf(c);
        if (s < 0 && badGroup == 0)
            badGroup = count / GroupLength + 1;
        if (count < Characters)
            symbols.v[std::size_t(count)] = static_cast<unsigned char>(s < 0 ? 0 : s);
        ++count;
    }
    if (count != Characters)
        return mistyped(
            QStringLiteral("a recovery key has %1 characters, not %2").arg(Characters).arg(count),
            0);
    if (badGroup != 0)
        return mistyped(QStringLiteral("a character is not one a recovery key uses"), badGroup);
    if (!checks(symbols.v))
        return mistyped(QStringLiteral("the recovery key fails its checksum"),
                        groupToBlame(symbols.v));
    SecretBytes secret(Bytes);
    unpack(symbols.v, secret.data());
    return RecoveryKey(std::move(secret));
}

SecretBytes RecoveryKey::group(int index) const
{
    SecretBytes out(GroupLength);
    if (index < 0 || index >= Groups || m_secret.size() != Bytes)
        return {};
    const SecretBytes all = text();
    for (int i = 0; i < GroupLength; ++i)
        out.data()[i] = all.data()[index * (GroupLength + 1) + i];
    return out;
}

SecretBytes RecoveryKey::text() const
{
    if (m_secret.size() != Bytes)
        return {};
    Symbols symbols;
    unsigned buffer = 0;
    int bits = 0, n = 0;
    for (std::size_t i = 0; i < Bytes; ++i) {
        buffer = ((buffer << 8) | m_secret.data()[i]) & 0xFFF;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            symbols.v[std::size_t(n++)] = static_cast<unsigned char>((buffer >> bits) & 31);
        }
    }
    buffer = 0;
    const auto sum = checksumOf(m_secret.data());
    for (int i = 0; i < GroupLength; ++i)
        symbols.v[std::size_t(DataCharacters + i)] = sum[std::size_t(i)];
    SecretBytes out(std::size_t(Characters + Groups - 1));
    std::size_t o = 0;
    for (int i = 0; i < Characters; ++i) {
        if (i > 0 && i % GroupLength == 0)
            out.data()[o++] = '-';
        out.data()[o++] = static_cast<unsigned char>(Alphabet[symbols.v[std::size_t(i)]]);
    }
    return out;
}

} // namespace wp::crypto
