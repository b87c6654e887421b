//! Public keys as QR codes: the modules of a key's QR code for the UI to draw, and reading a key
//! back from a picture (PNG or JPEG) of one, e.g. a photo of the other person's screen.
//!
//! Only public keys (`age1…`) go in or come out; a picture whose QR codes hold anything else
//! gives `no_key_found`. Nothing here reads files or logs: the commands layer reads the
//! picture (at most [`PICTURE_MAX_BYTES`]) and hands over its bytes.

use std::io::Cursor;

use image::{GrayImage, ImageFormat, ImageReader, Limits};
use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};
use serde::Serialize;
use ts_rs::TS;

use super::contacts::parse_key;
use super::error::{Result, SharingError};

/// A QR code of a public key, to show on screen: `size` × `size` modules, row by row, `true`
/// where the module is dark. No quiet zone: the UI adds one (4 modules) around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KeyQr {
    pub size: u32,
    pub dark: Vec<bool>,
}

/// The largest picture file read for a QR code, in bytes (20 MiB).
pub const PICTURE_MAX_BYTES: usize = 20 * 1024 * 1024;

/// The widest or tallest picture decoded, in pixels, and the most memory its decoding may take.
const PICTURE_MAX_SIDE: u32 = 12_000;
const PICTURE_MAX_ALLOC: u64 = 256 * 1024 * 1024;

/// A larger picture is scaled down to this many pixels on its longer side before looking for
/// QR codes (a key's code is 33 modules wide: still many pixels per module, and much faster).
const SEARCH_MAX_SIDE: u32 = 3_000;

/// The QR code of a public key: the canonical lower-case key as one byte segment, version 4
/// (33 × 33 modules), error correction level M — the same size for every key. (Left to choose
/// its own segments, the encoder makes some keys a size larger.) Anything that is not an age
/// X25519 public key is `invalid_input`.
pub fn key_qr(recipient: &str) -> Result<KeyQr> {
    let key = parse_key(recipient)?;
    let cannot = |_| SharingError::invalid("That key can't be shown as a QR code.");
    // 62 bytes: 4 + 8 + 496 bits of the 512 that version 4 at level M holds.
    let mut bits = Bits::new(Version::Normal(4));
    bits.push_byte_data(key.as_bytes()).map_err(cannot)?;
    bits.push_terminator(EcLevel::M).map_err(cannot)?;
    let code = QrCode::with_bits(bits, EcLevel::M).map_err(cannot)?;
    let size = u32::try_from(code.width())
        .map_err(|_| SharingError::invalid("That key can't be shown as a QR code."))?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Ok(KeyQr { size, dark })
}

/// The first public key held by a QR code in a PNG or JPEG picture (its text trimmed, in
/// canonical form). Not a picture, no QR code, or QR codes with other text: `no_key_found`. A
/// picture too large to decode safely (over 12,000 pixels on a side, or more memory than that
/// allows): `invalid_input`.
pub fn key_from_picture(bytes: &[u8]) -> Result<String> {
    if bytes.len() > PICTURE_MAX_BYTES {
        return Err(picture_too_large());
    }
    let format = match image::guess_format(bytes) {
        Ok(format @ (ImageFormat::Png | ImageFormat::Jpeg)) => format,
        _ => return Err(SharingError::NoKeyFound),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(PICTURE_MAX_SIDE);
    limits.max_image_height = Some(PICTURE_MAX_SIDE);
    limits.max_alloc = Some(PICTURE_MAX_ALLOC);
    reader.limits(limits);
    let picture = match reader.decode() {
        Ok(picture) => picture,
        Err(image::ImageError::Limits(_)) => return Err(picture_too_large()),
        Err(_) => return Err(SharingError::NoKeyFound),
    };
    let mut grey = picture.into_luma8();
    if grey.width().max(grey.height()) > SEARCH_MAX_SIDE {
        let scale = f64::from(SEARCH_MAX_SIDE) / f64::from(grey.width().max(grey.height()));
        // Rounded down, at least one pixel; both sides stay within `SEARCH_MAX_SIDE`.
        let side = |n: u32| ((f64::from(n) * scale) as u32).max(1);
        grey = image::imageops::thumbnail(&grey, side(grey.width()), side(grey.height()));
    }
    // Dark on light first (as Cove and most apps draw it), then the same picture inverted.
    find_key(&grey, false)
        .or_else(|| find_key(&grey, true))
        .ok_or(SharingError::NoKeyFound)
}

fn find_key(grey: &GrayImage, inverted: bool) -> Option<String> {
    let (w, h) = (grey.width() as usize, grey.height() as usize);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let luma = grey.get_pixel(x as u32, y as u32).0[0];
        if inverted {
            255 - luma
        } else {
            luma
        }
    });
    prepared.detect_grids().into_iter().find_map(|grid| {
        let (_, text) = grid.decode().ok()?;
        let text = text.trim();
        // A secret key in a QR code is never read out (`parse_key` refuses it too).
        if text.to_ascii_uppercase().contains("AGE-SECRET-KEY-") {
            return None;
        }
        parse_key(text).ok()
    })
}

/// A picture too large to read (`invalid_input`), by its file size or its pixels.
pub(crate) fn picture_too_large() -> SharingError {
    SharingError::invalid(
        "That picture is too large for Cove to read. A screenshot or a smaller photo of the QR \
         code works.",
    )
}

/// A picture of `qr` for tests: `scale` pixels per module, a quiet zone of 4 modules, dark on
/// light (or light on dark with `inverted`), encoded as `format` (PNG or JPEG).
#[cfg(test)]
pub(crate) fn picture_of(qr: &KeyQr, scale: u32, inverted: bool, format: ImageFormat) -> Vec<u8> {
    let side = (qr.size + 8) * scale;
    let picture = GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = ((x / scale) as i64 - 4, (y / scale) as i64 - 4);
        let size = i64::from(qr.size);
        let dark = (0..size).contains(&mx)
            && (0..size).contains(&my)
            && qr.dark[(my * size + mx) as usize];
        image::Luma([if dark != inverted { 0 } else { 255 }])
    });
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageLuma8(picture)
        .write_to(&mut out, format)
        .expect("encode the picture");
    out.into_inner()
}

#[cfg(test)]
#[path = "qr_tests.rs"]
mod tests;
