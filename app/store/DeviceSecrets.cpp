// SPDX-License-Identifier: GPL-3.0-or-later
// Store's device secrets (schema v4, table device_secrets). Kept apart from Store.cpp: the
// values are secrets, so they are bound without an extra QByteArray copy and every copy read
// back is wiped.

#include "Sqlite.h"
#include "Store.h"

#include <QCoreApplication>

namespace wp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store", text);
}

Status checkName(const QString &name)
{
    if (name.isEmpty() || name.size() > 100)
        return Error{ErrorCode::InvalidInput, tr("A device secret needs a short name.")};
    return {};
}

} // namespace

Status Store::putDeviceSecret(const QString &name, const SecretBytes &value)
{
    if (Status s = checkName(name); !s)
        return s;
    if (value.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("A device secret cannot be empty.")};
    // Not the statement cache: the statement (and SQLite's copy of the value, wiped by
    // SQLCipher's memory security) goes away when this function returns.
    sql::Statement st =
        m_db->prepare("INSERT OR REPLACE INTO device_secrets(name, value) VALUES (?, ?)");
    if (!st.isValid())
        return st.prepareError();
    st.bind(1, name).bindBlob(2,
                              QByteArray::fromRawData(reinterpret_cast<const char *>(value.data()),
                                                      qsizetype(value.size())));
    return st.exec();
}

Result<SecretBytes> Store::deviceSecret(const QString &name)
{
    if (Status s = checkName(name); !s)
        return s.error();
    sql::Statement st = m_db->prepare("SELECT value FROM device_secrets WHERE name = ?");
    if (!st.isValid())
        return st.prepareError();
    st.bind(1, name);
    Result<bool> row = st.step();
    if (!row)
        return row.error();
    if (!*row)
        return Error{ErrorCode::NotFound, tr("This device has no saved %1.").arg(name)};
    QByteArray bytes = st.blob(0);
    return SecretBytes::takeFrom(bytes);
}

Status Store::removeDeviceSecret(const QString &name)
{
    if (Status s = checkName(name); !s)
        return s;
    // Zeroed before it is deleted, so the freed page does not keep the old bytes.
    Result<sql::Transaction> tx = sql::Transaction::begin(*m_db);
    if (!tx)
        return tx.error();
    for (const char *sql :
         {"UPDATE device_secrets SET value = zeroblob(length(value)) WHERE name = ?",
          "DELETE FROM device_secrets WHERE name = ?"}) {
        sql::Statement st = m_db->prepare(sql);
        if (!st.isValid())
            return st.prepareError();
        st.bind(1, name);
        if (Status s = st.exec(); !s)
            return s;
    }
    return tx->commit();
}

} // namespace wp
