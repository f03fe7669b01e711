#pragma once

#include <QMap>
#include <QString>

namespace wf {

// An alert's fingerprint as Alertmanager gives it (Prometheus' model.LabelSet.Fingerprint): FNV-1a
// 64 over the labels sorted by name, each name and value followed by the byte 0xff, as 16 hex
// digits. The console's alert history keys alerts by it; an alert of Prometheus' ALERTS series
// (its labels less alertstate) has the same one, unless Prometheus adds external labels.
QString alertFingerprint(const QMap<QString, QString> &labels);

} // namespace wf
