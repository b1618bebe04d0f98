package dev.doppel.evaluate.html;

/** The report's one inline stylesheet: a system font stack, no external resources, print rules. */
final class Css {
    static final String STYLE = """
            :root{--ink:#1f2933;--muted:#5f6b7a;--line:#dde3ea;--bg:#f4f6f9;--card:#fff;
            --good:#1a7f37;--good-bg:#e6f4ea;--fair:#9a6700;--fair-bg:#fff4d6;--poor:#c62828;--poor-bg:#fdecea;
            --none:#6b7785;--none-bg:#eef1f4;--real:#3b6ea5;--synth:#e07b39}
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%}
            body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",
            Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
            .page{max-width:1240px;margin:0 auto;padding:24px 28px 48px}
            header.top{background:#fff;border-bottom:1px solid var(--line)}
            header.top .page{padding-top:22px;padding-bottom:18px}
            h1{font-size:24px;margin:0 0 4px;letter-spacing:-.01em}
            h2{font-size:19px;margin:36px 0 6px;padding-bottom:6px;border-bottom:2px solid var(--line)}
            h3{font-size:15px;margin:22px 0 6px}
            p{margin:6px 0}
            .sub{color:var(--muted);margin:0}
            .tables{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0 8px}
            .tbl{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:6px 10px;min-width:150px}
            .tbl b{display:block;font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
            .tbl span{font-weight:600;word-break:break-all}
            .meta{display:flex;flex-wrap:wrap;gap:4px 18px;color:var(--muted);font-size:12.5px}
            .meta code{color:var(--ink)}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.92em}
            nav.toc{display:flex;flex-wrap:wrap;gap:6px 16px;margin-top:12px;font-size:13px}
            nav.toc a{color:var(--real);text-decoration:none}
            nav.toc a:hover{text-decoration:underline}
            .explain{color:var(--muted);max-width:880px}
            .cards{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin-top:16px}
            @media (max-width:980px){.cards{grid-template-columns:repeat(2,minmax(0,1fr))}}
            .card{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--none);
            border-radius:8px;padding:12px 14px;break-inside:avoid}
            .card.good{border-left-color:var(--good)}.card.fair{border-left-color:var(--fair)}
            .card.poor{border-left-color:var(--poor)}
            .card .k{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
            .card .v{font-size:26px;font-weight:650;margin:2px 0;font-variant-numeric:tabular-nums}
            .card .v small{font-size:13px;font-weight:400;color:var(--muted)}
            .card .t{font-size:12px;color:var(--muted)}
            .lt{display:inline-flex;align-items:center;gap:5px;font-size:12px;font-weight:600;padding:1px 8px;
            border-radius:10px;background:var(--none-bg);color:var(--none);white-space:nowrap}
            .lt::before{content:"";width:8px;height:8px;border-radius:50%;background:currentColor}
            .lt.good{background:var(--good-bg);color:var(--good)}.lt.fair{background:var(--fair-bg);color:var(--fair)}
            .lt.poor{background:var(--poor-bg);color:var(--poor)}
            .gate{border-radius:8px;padding:12px 16px;margin-top:18px;border:1px solid}
            .gate.pass{background:var(--good-bg);border-color:#9fd3ad}.gate.fail{background:var(--poor-bg);border-color:#f1a9a3}
            .gate .head{font-weight:700;font-size:15px}
            .gate.pass .head{color:var(--good)}.gate.fail .head{color:var(--poor)}
            .gate table{margin-top:8px;background:rgba(255,255,255,.6)}
            .panel{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin-top:12px}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
            th,td{text-align:left;padding:5px 10px;border-bottom:1px solid var(--line);vertical-align:middle}
            th{font-size:12px;color:var(--muted);font-weight:600;background:#f8fafc;white-space:nowrap}
            td.n,th.n{text-align:right}
            td .sm{font-size:11.5px;color:var(--muted);font-weight:400}
            td.name{max-width:280px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:500}
            .scroll{overflow-x:auto}
            .bar{display:inline-block;width:120px;height:9px;background:#e8ecf1;border-radius:5px;overflow:hidden;
            vertical-align:middle;margin-right:8px}
            .bar.narrow{width:56px;margin-right:6px}
            td.nw{white-space:nowrap}
            .bar i{display:block;height:100%;background:var(--none)}
            .bar i.good{background:var(--good)}.bar i.fair{background:#d4a017}.bar i.poor{background:var(--poor)}
            .legend-row{display:flex;gap:16px;align-items:center;font-size:12.5px;color:var(--muted);margin:8px 0}
            .sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-2px;margin-right:5px}
            .sw.real{background:var(--real);opacity:.6}.sw.synth{background:var(--synth)}
            .sw.line{height:3px;vertical-align:3px}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:12px;margin-top:10px}
            figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px;
            break-inside:avoid;min-width:0}
            figcaption{display:flex;flex-wrap:wrap;justify-content:space-between;gap:2px 8px;align-items:baseline;
            margin-bottom:4px}
            figcaption .cn{flex:1 1 auto;min-width:0;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
            figcaption .cs{font-size:12px;color:var(--muted);white-space:nowrap}
            figure .note{font-size:12px;color:var(--muted);margin:2px 0 0}
            svg{max-width:100%;height:auto;display:block}
            svg text{font-family:inherit;fill:#3e4c59}
            svg .tick{font-size:10px;fill:#5f6b7a}
            svg .grid{stroke:#edf0f4;stroke-width:1}
            svg .axis{stroke:#9aa5b1;stroke-width:1}
            svg rect.real{fill:var(--real);fill-opacity:.55}
            svg rect.synth{fill:var(--synth);fill-opacity:.9}
            svg .synth-step{fill:var(--synth);fill-opacity:.1;stroke:var(--synth);stroke-width:2;stroke-linejoin:round}
            svg .hl{fill:#3e4c59}
            svg .hv{fill:#1f2933}svg .hv.on-dark{fill:#fff}
            svg .band-good{fill:var(--good-bg)}svg .band-fair{fill:var(--fair-bg)}svg .band-poor{fill:var(--poor-bg)}
            svg .zero{stroke:#3e4c59;stroke-width:1.2;stroke-dasharray:2 2}
            svg .ci{stroke:#1f2933;stroke-width:2}
            svg .pt{fill:#1f2933}
            .heats{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:12px;margin-top:10px;
            align-items:start}
            .heats.wide{grid-template-columns:1fr}
            .heats .panel{margin-top:0}
            .heats td.name{max-width:none;white-space:normal}
            .heats h4{margin:0 0 6px;font-size:14px}
            .two{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:12px}
            .metric{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;
            break-inside:avoid}
            .metric .mh{display:flex;justify-content:space-between;align-items:baseline;gap:10px}
            .metric .mh b{font-size:14.5px}
            .metric .mv{font-size:20px;font-weight:650;font-variant-numeric:tabular-nums;margin:2px 0}
            .metric .mv small{font-size:12.5px;font-weight:400;color:var(--muted)}
            .metric p{color:var(--muted);font-size:13px}
            .metric p.means{color:var(--ink)}
            .metric table{margin-top:6px;font-size:13px}
            .attack{display:grid;grid-template-columns:minmax(180px,1.2fr) minmax(260px,300px) minmax(220px,1.5fr);
            gap:6px 16px;align-items:center;padding:8px 0;border-bottom:1px solid var(--line)}
            .attack:last-child{border-bottom:0}
            .attack .an{font-weight:600;word-break:break-word}
            .attack .ad{font-size:12.5px;color:var(--muted)}
            .empty{color:var(--muted);font-style:italic}
            ul.plain{margin:6px 0;padding-left:20px}
            footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:10px}
            @media (max-width:720px){.page{padding:16px}.attack{grid-template-columns:1fr}.cards{grid-template-columns:1fr}
            .heats,.two{grid-template-columns:1fr}}
            @media print{
            body{background:#fff;font-size:11.5px}
            .page{max-width:none;padding:0}
            header.top{border:0}
            nav.toc{display:none}
            .card,.panel,figure,.metric{box-shadow:none;border-color:#ccc}
            h2{break-after:avoid;page-break-after:avoid}
            figure,.card,.metric,.attack,tr{break-inside:avoid;page-break-inside:avoid}
            .grid{grid-template-columns:repeat(2,1fr)}
            *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            }
            """;

    private Css() {}
}
