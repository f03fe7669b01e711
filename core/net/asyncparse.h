#pragma once

#include "result.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>

namespace wf {

// Parses a response body and hands the result to done. Small bodies are parsed in place; big ones
// on the thread pool, so a 15 MB range answer never blocks the UI thread. done is dropped when
// the caller's context (if it had one) is destroyed while the parse runs.
template <typename T>
void parseBody(QObject *owner, QPointer<QObject> context, bool hasContext, QByteArray body, qsizetype offThreadBytes,
               Result<T> (*parse)(const QByteArray &), std::function<void(const Result<T> &)> done)
{
    if (body.size() <= offThreadBytes) {
        done(parse(body));
        return;
    }
    auto *watcher = new QFutureWatcher<std::shared_ptr<Result<T>>>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, context, hasContext, done] {
        watcher->deleteLater();
        if (!hasContext || context)
            done(*watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([body = std::move(body), parse] {
        return std::make_shared<Result<T>>(parse(body));
    }));
}

} // namespace wf
