//! A timeline as an SVG chart (plotters): each figure a bar across the
//! period it covers at the height of its value, with a dot at its middle.

use plotters::prelude::*;

use crate::extract::Period;
use crate::search::timeline::Timeline;
use crate::vocab::{MassUnit, Unit};

/// Size of the chart in pixels.
pub const SIZE: (u32, u32) = (960, 540);

/// A date as a fractional year (2021-07-02 → about 2021.5).
fn year_of(d: jiff::civil::Date) -> f64 {
    f64::from(d.year()) + f64::from(d.day_of_year() - 1) / f64::from(d.days_in_year())
}

/// The first and last instant a period covers, as fractional years.
fn extent(p: &Period) -> (f64, f64) {
    let end = p.last_day();
    (year_of(p.first_day()), year_of(end) + 1.0 / f64::from(end.days_in_year()))
}

/// Draws `t` as an SVG document titled `title`, masses in `mass` when given.
///
/// # Errors
/// When the timeline has no points, or plotters cannot lay the chart out
/// (reported as its message).
pub fn timeline_svg(t: &Timeline, title: &str, mass: Option<MassUnit>) -> Result<String, String> {
    if t.points.is_empty() {
        return Err("no figures to draw".into());
    }
    let scale = match (t.unit, mass) {
        (Unit::Kg, Some(m)) => m.kg(),
        _ => 1.0,
    };
    let unit = match (t.unit, mass) {
        (Unit::Kg, Some(m)) => m.as_str().to_owned(),
        (u, _) => u.as_str().to_owned(),
    };
    let bars: Vec<(f64, f64, f64)> = t
        .points
        .iter()
        .map(|p| {
            let (a, b) = extent(&p.period);
            (a, b, p.value / scale)
        })
        .collect();
    let x0 = bars.iter().map(|b| b.0).fold(f64::INFINITY, f64::min).floor();
    let x1 = bars.iter().map(|b| b.1).fold(f64::NEG_INFINITY, f64::max).ceil().max(x0 + 1.0);
    let y1 = bars.iter().map(|b| b.2).fold(0.0, f64::max) * 1.1;
    let y1 = if y1 > 0.0 { y1 } else { 1.0 };

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 22))
            .margin(16)
            .x_label_area_size(40)
            .y_label_area_size(80)
            .build_cartesian_2d(x0..x1, 0.0..y1)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .x_desc("year")
            .y_desc(unit)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .x_labels(((x1 - x0) as usize + 1).min(20))
            .y_label_formatter(&|y| crate::extract::fact::format_value(*y))
            .draw()
            .map_err(|e| e.to_string())?;
        let color = RGBColor(0x1f, 0x77, 0xb4);
        chart
            .draw_series(bars.iter().map(|&(a, b, v)| PathElement::new(vec![(a, v), (b, v)], color.stroke_width(3))))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(bars.iter().map(|&(a, b, v)| Circle::new(((a + b) / 2.0, v), 4, color.filled())))
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}
