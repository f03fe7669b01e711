#include "weeklyreportdialog.h"

#include "report/reportdocument.h"
#include "report/reportoptions.h"
#include "sources/alertmanager/alertmanagerclient.h"
#include "sources/prometheus/prometheusclient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPdfDocument>
#include <QPdfView>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace wf {

WeeklyReportDialog::WeeklyReportDialog(PrometheusClient *prometheus, AlertmanagerClient *alertmanager, int scrapeSeconds,
                                       QWidget *parent)
    : QDialog(parent)
    , m_prometheus(prometheus)
    , m_alertmanager(alertmanager)
    , m_scrapeSeconds(scrapeSeconds)
    , m_week(new QComboBox(this))
    , m_make(new QPushButton(tr("&Make report"), this))
    , m_save(new QPushButton(tr("&Save…"), this))
    , m_status(new QLabel(this))
    , m_document(new QPdfDocument(this))
    , m_view(new QPdfView(this))
{
    setWindowTitle(tr("Weekly SLO report"));
    m_week->setObjectName(QStringLiteral("reportWeek"));
    const auto today = QDateTime::currentDateTimeUtc().date();
    for (int back = 0; back <= 8; ++back) {
        const auto week = isoWeekOf(today.addDays(-7 * back));
        const auto monday = *mondayOfIsoWeek(week);
        const auto text = tr("%1 (%2 to %3)").arg(week, QLocale().toString(monday, QLocale::ShortFormat),
                                                   QLocale().toString(monday.addDays(6), QLocale::ShortFormat));
        m_week->addItem(back == 0 ? tr("%1, so far").arg(text) : text, week);
    }
    m_week->setCurrentIndex(1); // last week, as the Monday timer makes it
    m_save->setEnabled(false);
    m_status->setWordWrap(true);
    m_status->setText(tr("Choose a week and make its report from this profile's Prometheus."));
    m_view->setDocument(m_document);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->setMinimumSize(560, 640);
    m_make->setDefault(true);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("&Week:"), this));
    static_cast<QLabel *>(top->itemAt(0)->widget())->setBuddy(m_week);
    top->addWidget(m_week, 1);
    top->addWidget(m_make);
    top->addWidget(m_save);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    connect(m_make, &QPushButton::clicked, this, &WeeklyReportDialog::make);
    connect(m_save, &QPushButton::clicked, this, &WeeklyReportDialog::save);
}

QString WeeklyReportDialog::statusText() const
{
    return m_status->text();
}

void WeeklyReportDialog::make()
{
    if (!m_prometheus) {
        m_status->setText(tr("This profile has no Prometheus: the report is made from it."));
        emit reportFailed(m_status->text());
        return;
    }
    m_label = m_week->currentData().toString();
    const auto monday = *mondayOfIsoWeek(m_label);
    m_make->setEnabled(false);
    m_save->setEnabled(false);
    m_status->setText((m_alertmanager ? tr("Asking Prometheus and Alertmanager for the figures of %1…")
                                      : tr("Asking Prometheus for the figures of %1…"))
                          .arg(m_label));
    auto *builder = new SloReportBuilder(m_prometheus, this);
    builder->setStepSeconds(m_scrapeSeconds);
    builder->setAlertmanager(m_alertmanager);
    builder->setLoki(m_loki);
    if (m_history) {
        const auto from = QDateTime(monday, QTime(0, 0), Qt::UTC);
        builder->setHistory(m_history->events(m_profileName, from.addDays(-1), from.addDays(8)));
    }
    connect(builder, &SloReportBuilder::finished, this, [this, builder](const SloReport &report) {
        builder->deleteLater();
        m_make->setEnabled(true);
        m_report = report;
        const auto path = m_dir.filePath(QStringLiteral("slo-report-%1.pdf").arg(m_label));
        QString error;
        m_document->close();
        if (!ReportDocument(report).writePdf(path, &error) || m_document->load(path) != QPdfDocument::Error::None) {
            m_status->setText(error.isEmpty() ? tr("The report's PDF cannot be shown.") : error);
            emit reportFailed(m_status->text());
            return;
        }
        m_save->setEnabled(true);
        m_status->setText(tr("%1: %n page(s). Save it as PDF, HTML or JSON.", nullptr, m_document->pageCount()).arg(m_label));
        emit reportReady();
    });
    connect(builder, &SloReportBuilder::composing, this,
            [this] { m_status->setText(tr("Putting the report of %1 together…").arg(m_label)); });
    connect(builder, &SloReportBuilder::failed, this, [this, builder](const QString &message) {
        builder->deleteLater();
        m_make->setEnabled(true);
        m_status->setText(tr("No report: %1").arg(message));
        emit reportFailed(m_status->text());
    });
    builder->start(monday, monday.addDays(6));
}

bool WeeklyReportDialog::saveTo(const QString &path, QString *error) const
{
    if (!m_report) {
        if (error)
            *error = tr("Make the report first.");
        return false;
    }
    const auto suffix = QFileInfo(path).suffix().toLower();
    const ReportDocument document(*m_report);
    if (suffix == u"html")
        return document.writeHtml(path, error);
    if (suffix == u"json") {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(m_report->toJson()).toJson()) >= 0 && file.commit())
            return true;
        if (error)
            *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;
    }
    return document.writePdf(path, error);
}

void WeeklyReportDialog::save()
{
    const auto path = QFileDialog::getSaveFileName(this, tr("Save the weekly report"),
                                                   QStringLiteral("slo-report-%1.pdf").arg(m_label),
                                                   tr("PDF (*.pdf);;HTML (*.html);;JSON (*.json)"));
    QString error;
    if (!path.isEmpty() && !saveTo(path, &error))
        QMessageBox::warning(this, tr("Save the weekly report"), error);
}

} // namespace wf
