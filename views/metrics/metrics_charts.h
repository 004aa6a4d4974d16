#pragma once
// The Metrics tab's charts, drawn with QCustomPlot from one metrics report per method: a bar per
// method for each headline metric (error bars where the metric has a spread), overlap PSNR per
// neighbouring view pair, and FID against the number of generated images.
#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

class QCustomPlot;

namespace panocast {

struct MetricInfo;
using MethodReports = QList<QPair<QString, QJsonObject>>;  // method name, report

QColor methodColor(const QString& method);
void plotHeadlineMetric(QCustomPlot* plot, const MetricInfo& metric, const MethodReports& reports);
void plotPairPsnr(QCustomPlot* plot, const MethodReports& reports);
void plotFidCurve(QCustomPlot* plot, const MethodReports& reports);

}  // namespace panocast
