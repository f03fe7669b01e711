#include "symbols.h"

namespace sim {

const QStringList &knownTickers()
{
    static const QStringList tickers = QStringLiteral(
        "AAPL MSFT NVDA AMZN GOOGL META TSLA AVGO BRK.B JPM LLY V UNH XOM MA JNJ PG HD COST MRK "
        "ABBV CVX CRM AMD NFLX PEP KO BAC ADBE WMT TMO MCD CSCO ACN ABT LIN DIS ORCL INTC WFC "
        "CMCSA VZ DHR INTU TXN AMGN QCOM PFE IBM CAT NOW GE UNP SPGI HON LOW AMAT BA NKE PM "
        "RTX GS ISRG UPS NEE BKNG T SBUX PLD ELV MDT DE BLK LMT SYK GILD MS AXP TJX MDLZ ADP "
        "VRTX C MMC CVS ADI REGN LRCX CB SCHW ZTS PGR CI MU BSX SO ETN FI BDX PYPL")
                                          .split(u' ', Qt::SkipEmptyParts);
    return tickers;
}

} // namespace sim
