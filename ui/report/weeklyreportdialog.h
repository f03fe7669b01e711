#pragma once

#include "report/sloreport.h"

#include <QDialog>
#include <QTemporaryDir>

#include <optional>

class QComboBox;
class QLabel;
class QPdfDocument;
class QPdfView;
class QPushButton;

namespace wf {

class AlertmanagerClient;
class AlertHistory;
class LokiClient;
class PrometheusClient;

// Reliability → Weekly report…: the weekly SLO report of the profile in use for a chosen week,
// made from its Prometheus (and Alertmanager's silences), previewed page by page, and saved as
// PDF, HTML or JSON — the same document `watchfloor report` writes.
class WeeklyReportDialog : public QDialog
{
    Q_OBJECT
public:
    WeeklyReportDialog(PrometheusClient *prometheus, AlertmanagerClient *alertmanager, int scrapeSeconds,
                       QWidget *parent = nullptr);
    void setLoki(LokiClient *loki) { m_loki = loki; } // the failovers' reasons
    // The console's alert history of the profile: acknowledgements Alertmanager has forgotten.
    void setHistory(AlertHistory *history, const QString &profile)
    {
        m_history = history;
        m_profileName = profile;
    }

    // The weeks offered: this one (so far) and the eight before, newest first.
    QComboBox *weekBox() const { return m_week; }
    void make(); // for the chosen week; the preview follows (reportReady) or the error is shown
    QPdfDocument *preview() const { return m_document; }
    QString statusText() const;
    bool saveTo(const QString &path, QString *error) const; // by its suffix: .pdf, .html or .json

signals:
    void reportReady();
    void reportFailed(const QString &message);

private:
    void save();

    PrometheusClient *m_prometheus;
    AlertmanagerClient *m_alertmanager;
    LokiClient *m_loki = nullptr;
    AlertHistory *m_history = nullptr;
    QString m_profileName;
    int m_scrapeSeconds;
    QComboBox *m_week;
    QPushButton *m_make;
    QPushButton *m_save;
    QLabel *m_status;
    QPdfDocument *m_document;
    QPdfView *m_view;
    QTemporaryDir m_dir;
    std::optional<SloReport> m_report;
    QString m_label;
};

} // namespace wf
