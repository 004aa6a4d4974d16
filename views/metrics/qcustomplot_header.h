#pragma once
// QCustomPlot's header is written with Qt's keyword macros (signals, slots, emit, foreach), which
// the views switch off (QT_NO_KEYWORDS: LibTorch has members named `slots`). They are defined for
// that one header and removed again.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
