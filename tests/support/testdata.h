#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// A file under tests/data/ (the directory comes from WATCHFLOOR_TEST_DATA, set by CMake).
inline QByteArray readTestData(const QString &relativePath)
{
    QFile file(qEnvironmentVariable("WATCHFLOOR_TEST_DATA") + u'/' + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("test data %s is missing", qPrintable(file.fileName()));
    return file.readAll();
}
