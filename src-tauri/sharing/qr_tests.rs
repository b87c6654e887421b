//! QR codes of public keys: drawn as modules, and read back from PNG and JPEG pictures.

use std::io::Cursor;

use image::{GrayImage, ImageFormat, Luma};

use super::*;
use crate::sharing::my_key;
use crate::test_support::{at, test_vault};

const NOW: &str = "2026-03-10T09:30:00.250-05:00";

/// A real key, made by a journal.
fn a_key() -> String {
    let tv = test_vault("pw");
    my_key(tv.conn(), at(NOW)).expect("key").recipient
}

fn encode(picture: GrayImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageLuma8(picture)
        .write_to(&mut out, format)
        .expect("encode");
    out.into_inner()
}

/// The modules of a QR code holding any text (not only keys), as `key_qr` draws them.
fn qr_of_text(text: &str) -> KeyQr {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).expect("qr");
    KeyQr {
        size: code.width() as u32,
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    }
}

fn code(result: Result<String>) -> &'static str {
    result.expect_err("refused").code()
}

#[test]
fn a_key_s_qr_code_is_a_square_of_modules_without_a_quiet_zone() {
    let key = a_key();
    let qr = key_qr(&key).expect("qr");
    // 62 bytes at error correction level M: version 4, 33 × 33 modules, for every key (the
    // key is random here; left to the encoder, about one key in eight came out a size larger).
    assert_eq!(qr.size, 33);
    let n = 33;
    assert_eq!(qr.dark.len(), n * n);
    // The finder pattern starts at the very first module (no quiet zone): a dark 7-module row
    // at the top left, then a light separator.
    let row = |y: usize| &qr.dark[y * n..(y + 1) * n];
    assert!(row(0)[..7].iter().all(|d| *d));
    assert!(!row(0)[7]);
    assert!(row(0)[n - 7..].iter().all(|d| *d), "top-right finder");
    assert!(row(n - 1)[..7].iter().all(|d| *d), "bottom-left finder");
    // The same key pasted with spaces or in upper case gives the same code.
    assert_eq!(
        key_qr(&format!("  {}\n", key.to_uppercase())).expect("qr"),
        qr
    );
    // And it holds exactly the key's text.
    assert_eq!(
        key_from_picture(&picture_of(&qr, 6, false, ImageFormat::Png)).expect("read back"),
        key
    );
}

#[test]
fn only_a_public_key_gets_a_qr_code() {
    for not_a_key in [
        "",
        "hello",
        "age1nope",
        "https://example.com",
        "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQX9L2ZW",
    ] {
        let err = key_qr(not_a_key).expect_err(not_a_key);
        assert_eq!(err.code(), "invalid_input", "{not_a_key:?}");
        if !not_a_key.is_empty() {
            assert!(!err.to_string().contains(not_a_key), "{err}");
        }
    }
}

#[test]
fn a_png_and_a_jpeg_of_the_code_read_back_as_the_key() {
    let key = a_key();
    let qr = key_qr(&key).expect("qr");
    for (format, scale) in [
        (ImageFormat::Png, 8),
        (ImageFormat::Png, 3),
        (ImageFormat::Jpeg, 8),
        (ImageFormat::Jpeg, 5),
    ] {
        let picture = picture_of(&qr, scale, false, format);
        assert_eq!(
            key_from_picture(&picture).expect("read"),
            key,
            "{format:?} at {scale} px"
        );
    }
    // Light on dark (a phone in dark mode), and turned on its side.
    let inverted = picture_of(&qr, 6, true, ImageFormat::Png);
    assert_eq!(key_from_picture(&inverted).expect("inverted"), key);
    let upright = image::load_from_memory(&picture_of(&qr, 6, false, ImageFormat::Png))
        .expect("decode")
        .into_luma8();
    let turned = image::imageops::rotate90(&upright);
    assert_eq!(
        key_from_picture(&encode(turned, ImageFormat::Jpeg)).expect("turned"),
        key
    );
}

#[test]
fn a_code_in_a_large_photo_like_picture_is_found() {
    // 4,000 × 3,000 light grey with the code somewhere in the middle: scaled down first.
    let key = a_key();
    let qr = key_qr(&key).expect("qr");
    let code = image::load_from_memory(&picture_of(&qr, 20, false, ImageFormat::Png))
        .expect("decode")
        .into_luma8();
    let mut photo = GrayImage::from_pixel(4_000, 3_000, Luma([200]));
    image::imageops::overlay(&mut photo, &code, 1_500, 900);
    assert_eq!(
        key_from_picture(&encode(photo, ImageFormat::Jpeg)).expect("photo"),
        key
    );
}

#[test]
fn the_first_code_holding_a_key_is_the_one_read() {
    let key = a_key();
    let other = qr_of_text("https://example.com/not-a-key");
    let ours = key_qr(&key).expect("qr");
    let left = image::load_from_memory(&picture_of(&other, 6, false, ImageFormat::Png))
        .expect("decode")
        .into_luma8();
    let right = image::load_from_memory(&picture_of(&ours, 6, false, ImageFormat::Png))
        .expect("decode")
        .into_luma8();
    // Side by side on a white page a little apart, as on a poster: the key's code is the larger
    // one (version 4 against the link's 3), so the page is as tall as it.
    let gap = 60;
    let mut both = GrayImage::from_pixel(
        left.width() + gap + right.width(),
        left.height().max(right.height()),
        Luma([255]),
    );
    image::imageops::overlay(&mut both, &left, 0, 0);
    image::imageops::overlay(&mut both, &right, i64::from(left.width() + gap), 0);
    assert_eq!(
        key_from_picture(&encode(both, ImageFormat::Png)).expect("read"),
        key
    );
}

#[test]
fn pictures_without_a_key_give_no_key_found() {
    // A picture with no QR code at all.
    let gradient = GrayImage::from_fn(300, 200, |x, y| Luma([((x + y) % 256) as u8]));
    assert_eq!(
        code(key_from_picture(&encode(gradient, ImageFormat::Png))),
        "no_key_found"
    );
    // QR codes holding other text: a link, a secret key, a key with other words around it.
    let secret = "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQX9L2ZW";
    let key = a_key();
    for text in ["https://example.com", secret, &format!("my key is {key}")] {
        let picture = picture_of(&qr_of_text(text), 6, false, ImageFormat::Png);
        let err = key_from_picture(&picture).expect_err(text);
        assert_eq!(err.code(), "no_key_found", "{text}");
        assert!(!err.to_string().contains("SECRET"), "{err}");
    }
    // Not a picture: random bytes, text, an empty file, a GIF, a cut-short PNG.
    let mut noise = vec![0u8; 4096];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut noise);
    let png = picture_of(&key_qr(&key).expect("qr"), 6, false, ImageFormat::Png);
    for bytes in [
        noise.as_slice(),
        key.as_bytes(),
        b"",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00",
        &png[..png.len() / 2],
    ] {
        assert_eq!(code(key_from_picture(bytes)), "no_key_found");
    }
}

#[test]
fn pictures_too_large_are_refused_before_decoding() {
    let too_big = vec![0u8; PICTURE_MAX_BYTES + 1];
    let err = key_from_picture(&too_big).expect_err("too big");
    assert_eq!(err.code(), "invalid_input");
    // A small file whose picture would be too wide to decode safely.
    let wide = encode(GrayImage::new(PICTURE_MAX_SIDE + 1, 1), ImageFormat::Png);
    assert!(wide.len() < 100_000);
    assert_eq!(code(key_from_picture(&wide)), "invalid_input");
}
