//! Large arrays in a cache file as raw little-endian bytes: one length and
//! one copy, where serde's element-by-element encoding of millions of
//! numbers would cost a call each.
//!
//! Written lazily ([`Lazy`]: each array's bytes are made as the serialiser
//! reaches it and dropped after, so writing an entry never holds a second
//! copy of it whole) and read borrowed ([`Blob`] points into the file's
//! bytes until the numbers are taken out).

use serde::de::{Error, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// A byte string read from a cache file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Blob<'a>(pub Cow<'a, [u8]>);

impl Serialize for Blob<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Blob<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Blob<'a>, D::Error> {
        struct Bytes;
        impl<'de> Visitor<'de> for Bytes {
            type Value = Blob<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_borrowed_bytes<E: Error>(self, v: &'de [u8]) -> Result<Blob<'de>, E> {
                Ok(Blob(Cow::Borrowed(v)))
            }
            fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Blob<'de>, E> {
                Ok(Blob(Cow::Owned(v.to_vec())))
            }
            fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Blob<'de>, E> {
                Ok(Blob(Cow::Owned(v)))
            }
        }
        d.deserialize_bytes(Bytes)
    }
}

/// An array written as a byte string, its bytes made only when written.
pub struct Lazy<F>(pub F);

impl<F: Fn() -> Vec<u8>> Serialize for Lazy<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&(self.0)())
    }
}

/// A contiguous array written as a byte string. On a little-endian
/// machine its bytes are the numbers' own, written without a copy (a large
/// index's arrays are tens of MB); elsewhere they are converted.
pub struct Raw<'a, T>(pub &'a [T]);

impl<T: Fixed + bytemuck::Pod> Serialize for Raw<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if cfg!(target_endian = "little") {
            s.serialize_bytes(bytemuck::cast_slice(self.0))
        } else {
            s.serialize_bytes(&bytes_of(self.0.iter().copied()))
        }
    }
}

/// The bytes of arrays `parts`, one after another: on a little-endian
/// machine copied slice by slice (a memory copy each, where [`bytes_of`]
/// converts number by number), into room allocated once.
pub fn bytes_of_slices<'a, T: Fixed + bytemuck::Pod>(
    parts: impl Iterator<Item = &'a [T]> + Clone,
) -> Vec<u8> {
    let total: usize = parts.clone().map(<[T]>::len).sum();
    let mut out = Vec::with_capacity(total * T::SIZE);
    for part in parts {
        if cfg!(target_endian = "little") {
            out.extend_from_slice(bytemuck::cast_slice(part));
        } else {
            part.iter().for_each(|x| x.put(&mut out));
        }
    }
    out
}

/// A number with a fixed-size little-endian form.
pub trait Fixed: Copy + 'static {
    const SIZE: usize;
    fn put(self, out: &mut Vec<u8>);
    fn get(bytes: &[u8]) -> Self;
}

macro_rules! fixed {
    ($($t:ty),*) => {$(
        impl Fixed for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(bytes: &[u8]) -> Self {
                let mut a = [0u8; std::mem::size_of::<$t>()];
                a.copy_from_slice(bytes);
                <$t>::from_le_bytes(a)
            }
        }
    )*};
}

fixed!(u8, u32, u64, u128, f32, f64);

/// The bytes of `items`, in order.
pub fn bytes_of<T: Fixed>(items: impl IntoIterator<Item = T>) -> Vec<u8> {
    let items = items.into_iter();
    let mut out = Vec::with_capacity(items.size_hint().0 * T::SIZE);
    for x in items {
        x.put(&mut out);
    }
    out
}

impl Blob<'_> {
    /// The numbers back; `None` when the length is not a whole number of
    /// them (a damaged entry).
    pub fn read<T: Fixed>(&self) -> Option<Vec<T>> {
        if !self.0.len().is_multiple_of(T::SIZE) {
            return None;
        }
        Some(self.0.chunks_exact(T::SIZE).map(T::get).collect())
    }
}

/// Numbers read in place from a blob's bytes (no copy of the array).
#[derive(Clone, Copy)]
pub struct Numbers<'b, T> {
    bytes: &'b [u8],
    _of: std::marker::PhantomData<T>,
}

impl<'b, T: Fixed> Numbers<'b, T> {
    pub fn len(&self) -> usize {
        self.bytes.len() / T::SIZE
    }

    /// Numbers `range`, or `None` past the end.
    pub fn range(&self, range: std::ops::Range<usize>) -> Option<impl Iterator<Item = T> + 'b> {
        let start = range.start.checked_mul(T::SIZE)?;
        let end = range.end.checked_mul(T::SIZE)?;
        Some(
            self.bytes
                .get(start..end)?
                .chunks_exact(T::SIZE)
                .map(T::get),
        )
    }
}

impl<'b> Numbers<'b, u32> {
    /// Pairs `range` of numbers taken two at a time ((0, 1), (2, 3), …),
    /// or `None` past the end.
    pub fn pairs(
        &self,
        range: std::ops::Range<usize>,
    ) -> Option<impl ExactSizeIterator<Item = (u32, u32)> + 'b> {
        let start = range.start.checked_mul(8)?;
        let end = range.end.checked_mul(8)?;
        Some(
            self.bytes
                .get(start..end)?
                .chunks_exact(8)
                .map(|c| (u32::get(&c[..4]), u32::get(&c[4..]))),
        )
    }
}

impl Blob<'_> {
    /// The numbers in place; `None` when the length is not a whole number
    /// of them.
    pub fn numbers<T: Fixed>(&self) -> Option<Numbers<'_, T>> {
        self.0.len().is_multiple_of(T::SIZE).then_some(Numbers {
            bytes: &self.0,
            _of: std::marker::PhantomData,
        })
    }
}

/// The bytes of a usize array as u64s.
pub fn sizes(items: &[usize]) -> Vec<u8> {
    bytes_of(items.iter().map(|&x| x as u64))
}

/// A u64 array back as sizes (`None` past the address space).
pub fn read_sizes(b: &Blob) -> Option<Vec<usize>> {
    b.read::<u64>()?
        .into_iter()
        .map(|x| usize::try_from(x).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_borrowed_and_ragged_lengths_are_refused() {
        let written = postcard::to_stdvec(&(
            Lazy(|| bytes_of([1u32, u32::MAX, 7])),
            Lazy(|| bytes_of([0.25f32, -1.5])),
        ))
        .unwrap();
        let (b, f): (Blob, Blob) = postcard::from_bytes(&written).unwrap();
        assert!(matches!(b.0, Cow::Borrowed(_)), "read in place");
        assert_eq!(b.read::<u32>(), Some(vec![1, u32::MAX, 7]));
        assert_eq!(b.read::<u64>(), None);
        assert_eq!(f.read::<f32>(), Some(vec![0.25, -1.5]));
        let n = b.numbers::<u32>().unwrap();
        let pairs: Vec<_> = n.pairs(0..1).unwrap().collect();
        assert_eq!(pairs, vec![(1, u32::MAX)]);
        assert!(n.pairs(1..2).is_none(), "past the end");
    }

    #[test]
    fn a_borrowed_array_writes_the_bytes_a_copied_one_does() {
        let ids = [1u32, u32::MAX, 7, 0];
        let weights = [0.25f32, -1.5, f32::MIN_POSITIVE];
        let raw = postcard::to_stdvec(&(Raw(&ids[..]), Raw(&weights[..]))).unwrap();
        let copied =
            postcard::to_stdvec(&(Lazy(|| bytes_of(ids)), Lazy(|| bytes_of(weights)))).unwrap();
        assert_eq!(raw, copied);
        let parts: [&[u32]; 3] = [&ids[..1], &[], &ids[1..]];
        assert_eq!(bytes_of_slices(parts.into_iter()), bytes_of(ids));
    }
}
