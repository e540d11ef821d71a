//! Typed values an app shares with its handlers: `App::with_state(config)`
//! at start-up, `ctx.state::<Config>()` in a handler.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::Arc;

#[cfg(not(target_arch = "wasm32"))]
type Shared = Arc<dyn Any + Send + Sync>;
#[cfg(target_arch = "wasm32")]
type Shared = Arc<dyn Any>;

/// A map from type to one shared value of that type.
#[derive(Clone, Default)]
pub struct Extensions {
    map: HashMap<TypeId, Shared>,
}

impl std::fmt::Debug for Extensions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extensions")
            .field("len", &self.map.len())
            .finish()
    }
}

impl Extensions {
    /// Stores `value`, replacing any earlier value of the same type.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn insert<T: Send + Sync + 'static>(&mut self, value: T) {
        self.map.insert(TypeId::of::<T>(), Arc::new(value));
    }

    /// Stores `value`, replacing any earlier value of the same type.
    #[cfg(target_arch = "wasm32")]
    pub fn insert<T: 'static>(&mut self, value: T) {
        self.map.insert(TypeId::of::<T>(), Arc::new(value));
    }

    /// The value of type `T`, if one was stored.
    pub fn get<T: 'static>(&self) -> Option<&T> {
        self.map
            .get(&TypeId::of::<T>())
            .and_then(|v| v.downcast_ref::<T>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_lookup() {
        let mut e = Extensions::default();
        e.insert(5u32);
        e.insert(String::from("x"));
        e.insert(7u32);
        assert_eq!(e.get::<u32>(), Some(&7));
        assert_eq!(e.get::<String>().map(String::as_str), Some("x"));
        assert_eq!(e.get::<i64>(), None);
    }
}
