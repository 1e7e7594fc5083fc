// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnrolmentCode.h"

#include "crypto/BatchSignature.h"

#include <png.h>
#include <qrencode.h>
#include <sodium.h>

#include <QFile>

#include <cstdio>
#include <memory>
#include <vector>

namespace wp::server {

namespace {
constexpr char Alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int Length = 16;
} // namespace

QString EnrolmentCode::generate()
{
    unsigned char raw[10];
    randombytes_buf(raw, sizeof raw);
    QString out;
    unsigned bits = 0, value = 0;
    for (unsigned char byte : raw) {
        value = ((value << 8) | byte) & 0xfffu; // never more than 12 pending bits
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(Alphabet[(value >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    sodium_memzero(raw, sizeof raw);
    for (int i = 12; i > 0; i -= 4)
        out.insert(i, u'-');
    return out;
}

QString EnrolmentCode::normalise(QStringView typed)
{
    QString out;
    for (QChar ch : typed) {
        if (ch == u'-' || ch.isSpace())
            continue;
        ch = ch.toUpper();
        if (ch == u'O')
            ch = u'0';
        else if (ch == u'I' || ch == u'L')
            ch = u'1';
        if (ch.unicode() > 127 || !std::strchr(Alphabet, char(ch.unicode())))
            return {};
        out += ch;
    }
    return out.size() == Length ? out : QString();
}

QByteArray EnrolmentCode::hash(const QString &normalised)
{
    return crypto::blake2b256(normalised.toLatin1());
}

Status writeQrPng(const QString &text, const QString &path)
{
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!qr)
        return Error(ErrorCode::Internal, QStringLiteral("could not make the QR code"));
    constexpr int Scale = 8, Quiet = 4;
    const int side = (qr->width + 2 * Quiet) * Scale;

    std::unique_ptr<FILE, decltype(&std::fclose)> file(
        std::fopen(QFile::encodeName(path).constData(), "wb"), &std::fclose);
    if (!file)
        return Error(ErrorCode::Io, QStringLiteral("cannot write %1").arg(path));
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return Error(ErrorCode::Io, QStringLiteral("cannot write %1").arg(path));
    }
    png_init_io(png, file.get());
    png_set_IHDR(png, info, png_uint_32(side), png_uint_32(side), 8, PNG_COLOR_TYPE_GRAY,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    std::vector<png_byte> row(static_cast<std::size_t>(side));
    for (int y = 0; y < side; ++y) {
        const int my = y / Scale - Quiet;
        for (int x = 0; x < side; ++x) {
            const int mx = x / Scale - Quiet;
            const bool dark = mx >= 0 && my >= 0 && mx < qr->width && my < qr->width &&
                              (qr->data[my * qr->width + mx] & 1);
            row[std::size_t(x)] = dark ? 0 : 255;
        }
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return {};
}

} // namespace wp::server
