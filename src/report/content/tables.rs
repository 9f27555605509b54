//! The report's result tables: per unit or platform, the trend over the years; names in natural
//! Swedish order.

use super::*;

/// Table 3: every earlier audit, oldest first, then this one (in bold, as the table's last row).
pub(super) fn trend_table(results: &Results, lang: Lang) -> Table {
    let row = |p: &TrendPoint| {
        vec![
            trend_name(p, lang),
            prose::count_cell(p.audited as usize, lang),
            prose::count_cell(p.in_time as usize, lang),
            share_cell(p.share, lang),
            interval_cell(p.ci95, lang),
        ]
    };
    Table {
        caption: Some(words::TABLE_TREND.get(lang).to_owned()),
        columns: vec![
            Column {
                title: words::AUDIT_YEAR.get(lang).to_owned(),
                align: Align::Left,
                wraps: true,
                short_title: None,
            },
            number_column(words::AUDITED.get(lang)),
            number_column(words::IN_TIME.get(lang)),
            number_column(words::SHARE_IN_TIME.get(lang)),
            Column {
                title: words::INTERVAL.get(lang).to_owned(),
                align: Align::Right,
                wraps: false,
                short_title: Some(words::INTERVAL_SHORT.get(lang).to_owned()),
            },
        ],
        rows: results
            .trend
            .iter()
            .filter(|p| !p.current)
            .map(row)
            .collect(),
        total: results.trend.iter().find(|p| p.current).map(row),
        compact: false,
        stripe_by_first_column: false,
    }
}

pub(super) fn group_table(
    caption: &str,
    name_title: &str,
    name_wraps: bool,
    groups: &[GroupResult],
    overall: &Counts,
    lang: Lang,
) -> Table {
    let with_pending = overall.pending + overall.not_posted > 0;
    let mut columns = vec![
        Column {
            title: name_title.to_owned(),
            align: Align::Left,
            wraps: name_wraps,
            short_title: None,
        },
        with_short(
            number_column(words::AUDITED.get(lang)),
            words::AUDITED_SHORT,
            lang,
        ),
        number_column(words::IN_TIME.get(lang)),
        number_column(words::LATE.get(lang)),
        with_short(
            number_column(words::UNANSWERED.get(lang)),
            words::UNANSWERED_SHORT,
            lang,
        ),
    ];
    if with_pending {
        columns.push(number_column(words::PENDING.get(lang)));
    }
    columns.push(with_short(
        number_column(words::SHARE_IN_TIME.get(lang)),
        words::SHARE_IN_TIME_SHORT,
        lang,
    ));
    columns.push(Column {
        title: words::INTERVAL.get(lang).to_owned(),
        align: Align::Right,
        wraps: false,
        short_title: Some(words::INTERVAL_SHORT.get(lang).to_owned()),
    });
    let row = |name: &str, c: &Counts| {
        let mut cells = vec![
            name.to_owned(),
            prose::count_cell(c.audited, lang),
            prose::count_cell(c.in_time, lang),
            prose::count_cell(c.late, lang),
            prose::count_cell(c.unanswered, lang),
        ];
        if with_pending {
            cells.push(prose::count_cell(c.pending + c.not_posted, lang));
        }
        cells.push(share_cell(c.in_time_share(), lang));
        cells.push(interval_cell(c.in_time_ci95(), lang));
        cells
    };
    let mut shown: Vec<&GroupResult> = groups.iter().filter(|g| g.counts.audited > 0).collect();
    // Units are listed as people read them: "Enhet 2" before "Enhet 10", å ä ö after z.
    shown.sort_by(|a, b| natural_order(&group_name(&a.key, lang), &group_name(&b.key, lang)));
    let rows = shown
        .iter()
        .map(|g| row(&group_name(&g.key, lang), &g.counts))
        .collect();
    Table {
        caption: Some(caption.to_owned()),
        columns,
        rows,
        total: Some(row(words::ALL.get(lang), overall)),
        compact: false,
        stripe_by_first_column: false,
    }
}

/// A sort key part: text compared the Swedish way, or a number compared by value.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortPart {
    Number(u128),
    Text(Vec<u32>),
}

fn sort_key(name: &str) -> Vec<SortPart> {
    let mut parts = Vec::new();
    let mut chars = name.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut n: u128 = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(u128::from(d));
                chars.next();
            }
            parts.push(SortPart::Number(n));
        } else {
            let mut text = Vec::new();
            while let Some(&c) = chars.peek().filter(|c| !c.is_ascii_digit()) {
                // Swedish alphabet: … x y z å ä ö.
                let lower = c.to_lowercase().next().unwrap_or(c);
                text.push(match lower {
                    'å' => u32::from('z') + 1,
                    'ä' | 'æ' => u32::from('z') + 2,
                    'ö' | 'ø' => u32::from('z') + 3,
                    other => u32::from(other),
                });
                chars.next();
            }
            parts.push(SortPart::Text(text));
        }
    }
    parts
}

/// Natural, Swedish order of names: "Enhet 2" < "Enhet 10", "Väster" < "Öster".
#[must_use]
pub fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

pub(super) fn number_column(title: &str) -> Column {
    Column {
        title: title.to_owned(),
        align: Align::Right,
        wraps: false,
        short_title: None,
    }
}

/// A column with a short header for when the full ones cannot fit (explained under the table).
pub(super) fn with_short(column: Column, short: Text, lang: Lang) -> Column {
    Column {
        short_title: Some(short.get(lang).to_owned()),
        ..column
    }
}
