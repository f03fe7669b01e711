#pragma once

#include "report/sloreport.h"

#include <QCoreApplication>
#include <QRectF>
#include <QList>
#include <QString>
#include <QStringList>

class QPainter;

namespace wf {

// The weekly SLO report as a reader sees it: one list of blocks (headings, text, tables, charts,
// page breaks, the appendix's queries), written as a PDF (A4, text and charts as vectors) or as
// HTML (the same charts painted as inline SVG). Every figure comes from the SloReport the JSON
// holds. Built in the language installed (the command's --lang).
class ReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(wf::ReportDocument)
public:
    explicit ReportDocument(const SloReport &report);

    bool writePdf(const QString &path, QString *error) const;
    QString html() const;
    bool writeHtml(const QString &path, QString *error) const;

    struct Block
    {
        enum class Kind { Title, Heading, Text, Table, LatencyChart, RouterChart, IncidentChart, Code, PageBreak };
        Kind kind = Kind::Text;
        QString text;
        QStringList headers;
        QList<QStringList> rows;
    };
    const QList<Block> &blocks() const { return m_blocks; }

private:
    void build();
    // A chart's height for a width, and the chart painted in area; pt: device units per point.
    double chartHeight(Block::Kind kind, double pt) const;
    void paintChart(QPainter &p, const QRectF &area, Block::Kind kind, double pt) const;
    void paintLatency(QPainter &p, const QRectF &area, double pt) const;
    void paintRouterDays(QPainter &p, const QRectF &area, double pt) const;
    void paintIncidentDays(QPainter &p, const QRectF &area, double pt) const;
    QString svg(Block::Kind kind) const;
    QString number(double v, int decimals) const;
    QString duration(double seconds) const;
    QString when(const QDateTime &t) const;

    SloReport m_report;
    QList<Block> m_blocks;
};

} // namespace wf
