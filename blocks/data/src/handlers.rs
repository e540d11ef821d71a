//! The data block's routes: generic over the model named in the path. The
//! contract hook (`contract.rs`) describes them per model.

use std::sync::Arc;

use super::query::{self, QueryParams};
use super::record::{self, Changes, Col, Page, Paging, Record, Shape, Write};
use super::schema::{Access, Model, Schema};
use clodo_sdk::auth::User;
use clodo_sdk::ctx::Ctx;
use clodo_sdk::db::{DbError, Value};
use clodo_sdk::error::{ApiError, FieldError};
use clodo_sdk::extract::{Json, Path, Query};
use clodo_sdk::response::{Created, NoContent};
use clodo_sdk::time::Timestamp;

/// What the data block's handlers share: the schema.
pub(crate) struct DataState {
    pub(crate) schema: Arc<Schema>,
}

/// Roles that see and change every record of `owner` models.
pub const STAFF_ROLES: [&str; 2] = ["staff", "admin"];

fn sees_all(user: &User) -> bool {
    STAFF_ROLES.iter().any(|r| user.has_role(r))
}

fn state(ctx: &Ctx) -> Result<&DataState, ApiError> {
    ctx.state::<DataState>().ok_or_else(|| {
        ApiError::internal("the data block was mounted without clodo_data::DataBlock::mount")
    })
}

fn model_of<'s>(st: &'s DataState, name: &str) -> Result<(usize, &'s Model), ApiError> {
    st.schema
        .models
        .iter()
        .enumerate()
        .find(|(_, m)| m.name == name)
        .ok_or_else(|| {
            let names: Vec<&str> = st.schema.models.iter().map(|m| m.name.as_str()).collect();
            let serves = if names.is_empty() {
                "no models yet (the data schema declares none)".to_owned()
            } else {
                names.join(", ")
            };
            ApiError::bad_request(format!(
                "unknown model {:?}; this API serves: {serves}",
                name.chars().take(64).collect::<String>(),
            ))
        })
}

/// Whose records a reader sees: `Some(id)` restricts to one owner.
fn reader_scope(model: &Model, ctx: &Ctx) -> Result<Option<String>, ApiError> {
    if model.access == Access::PublicRead {
        return Ok(None);
    }
    let user = ctx.user().ok_or_else(|| {
        ApiError::unauthorized(format!(
            "reading `{}` requires a signed-in user of this domain",
            model.name
        ))
    })?;
    Ok(writer_scope(model, user))
}

/// Whose records a writer may change.
fn writer_scope(model: &Model, user: &User) -> Option<String> {
    (model.access == Access::Owner && !sees_all(user)).then(|| user.id.clone())
}

fn shape(st: &DataState, model: usize, cols: Vec<Col>, visible: usize) -> Arc<Shape> {
    Arc::new(Shape {
        schema: Arc::clone(&st.schema),
        model,
        cols,
        visible,
    })
}

fn not_found(model: &Model, id: i64) -> ApiError {
    ApiError::not_found(format!("no `{}` record with id {id}", model.name))
}

/// The field a unique index guards, from SQLite's (and D1's) message:
/// `UNIQUE constraint failed: data_x.f` for a plain index, `… index 'name'`
/// for the per-owner one (an index on an expression).
fn unique_field<'m>(model: &'m Model, msg: &str) -> Option<&'m str> {
    let rest = msg.strip_prefix("UNIQUE constraint failed: ")?;
    model
        .fields
        .iter()
        .find(|f| {
            let column = format!("{}.{}", model.table(), f.name);
            let per_owner = super::migrate::unique_index(&model.name, &f.name, true);
            rest.split(", ").any(|c| c == column) || rest == format!("index '{per_owner}'")
        })
        .map(|f| f.name.as_str())
}

/// Turns constraint failures into answers that name the field. A unique
/// clash is 409; under `access = "owner"` it can only be with the same
/// owner's records, so it tells nothing about anyone else's.
fn write_error(model: &Model, e: DbError) -> ApiError {
    if let DbError::Constraint(msg) = &e {
        if let Some(field) = unique_field(model, msg) {
            let whose = if model.access == Access::Owner {
                "another record of the same owner"
            } else {
                "another record"
            };
            return ApiError::conflict(format!(
                "the `{}` record conflicts with {whose}: `{field}` must be unique",
                model.name
            ))
            .with_errors(vec![FieldError {
                field: field.to_owned(),
                message: format!("must be unique; {whose} already has this value"),
            }]);
        }
        if msg.contains("FOREIGN KEY") {
            return ApiError::conflict(format!(
                "other records belong to this `{}` record, or a linked record is gone; \
                 delete or relink those records first",
                model.name
            ));
        }
    }
    e.into()
}

/// 422 unless every linked record exists and the user may see it.
async fn check_links(
    ctx: &Ctx,
    st: &DataState,
    model: &Model,
    changes: &Changes,
    user: &User,
) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    for (i, id) in &changes.links {
        let field = &model.fields[*i];
        let Some(target) = field.belongs_to.as_deref().and_then(|t| st.schema.model(t)) else {
            continue;
        };
        let scope = writer_scope(target, user);
        let sql = query::select_one_sql(target, &[Col::Id], *id, scope.as_deref());
        if ctx
            .db()
            .query_rows(sql.text, sql.params)
            .await?
            .rows
            .is_empty()
        {
            errors.push(FieldError {
                field: field.name.clone(),
                message: format!("no `{}` record with id {id}", target.name),
            });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::unprocessable(
            format!(
                "the `{}` record links to records that do not exist",
                model.name
            ),
            errors,
        ))
    }
}

/// Only `fields` is allowed on single-record reads.
fn fields_param(model: &Model, params: &QueryParams) -> Result<Vec<Col>, ApiError> {
    let mut fields = None;
    for (k, v) in &params.0 {
        if k == "fields" && fields.is_some() {
            return Err(ApiError::bad_request(
                "query parameter `fields` is given more than once",
            ));
        }
        if k != "fields" {
            return Err(ApiError::bad_request(format!(
                "unknown query parameter {:?} for one `{}` record; only `fields` applies",
                k.chars().take(64).collect::<String>(),
                model.name
            )));
        }
        fields = Some(v.as_str());
    }
    query::parse_fields(model, fields)
}

async fn fetch_one(
    ctx: &Ctx,
    model: &Model,
    cols: &[Col],
    id: i64,
    owner: Option<String>,
) -> Result<Option<Vec<Value>>, ApiError> {
    let sql = query::select_one_sql(model, cols, id, owner.as_deref());
    Ok(ctx
        .db()
        .query_rows(sql.text, sql.params)
        .await?
        .rows
        .into_iter()
        .next())
}

/// `UPDATE … RETURNING` for `PUT` and `PATCH`.
async fn update(
    ctx: &Ctx,
    st: &DataState,
    model_name: &str,
    id: i64,
    user: &User,
    body: &serde_json::Value,
    mode: Write,
) -> Result<Record, ApiError> {
    let (mi, model) = model_of(st, model_name)?;
    let changes = record::changes(model, body, mode, sees_all(user))?;
    check_links(ctx, st, model, &changes, user).await?;
    let cols = Col::all(model);
    let scope = writer_scope(model, user);
    if changes.columns.is_empty() {
        let row = fetch_one(ctx, model, &cols, id, scope).await?;
        let values = row.ok_or_else(|| not_found(model, id))?;
        return Ok(Record {
            shape: shape(st, mi, cols.clone(), cols.len()),
            values,
        });
    }
    let mut columns = changes.columns;
    columns.push((Col::Updated, Value::from(Timestamp::now())));
    let sql = query::update_sql(model, columns, id, scope.as_deref());
    let rows = ctx
        .db()
        .query_rows(sql.text, sql.params)
        .await
        .map_err(|e| write_error(model, e))?;
    let values = rows
        .rows
        .into_iter()
        .next()
        .ok_or_else(|| not_found(model, id))?;
    Ok(Record {
        shape: shape(st, mi, cols.clone(), cols.len()),
        values,
    })
}

/// The data block: CRUD over the models of a schema.
pub struct DataHandlers;

/// Records of the models the domain's data schema declares.
#[clodo_sdk::clodo_block(name = "data", version = "0.1.0")]
impl DataHandlers {
    /// List records of a model.
    #[get("/{model}")]
    #[public]
    async fn list_records(
        ctx: &Ctx,
        model: Path<String>,
        params: Query<QueryParams>,
    ) -> Result<Json<Page>, ApiError> {
        let st = state(ctx)?;
        let (mi, m) = model_of(st, &model)?;
        let scope = reader_scope(m, ctx)?;
        let q = query::parse_list(m, &params.0.0)?;
        let sql = query::list_sql(m, &q, scope.as_deref());
        let mut rows = ctx.db().query_rows(sql.text, sql.params).await?.rows;
        let limit = q.limit as usize;
        let has_more = rows.len() > limit;
        rows.truncate(limit);
        let next_cursor = match rows.last() {
            Some(last) if has_more => {
                let values: Vec<Value> = q
                    .sort
                    .iter()
                    .map(|k| {
                        q.select
                            .iter()
                            .position(|c| *c == k.col)
                            .and_then(|i| last.get(i).cloned())
                            .unwrap_or(Value::Null)
                    })
                    .collect();
                Some(query::encode_cursor(m, &q.sort, &values))
            }
            _ => None,
        };
        let page = match q.paging {
            query::Paging::Page(n) => Some(n),
            _ => None,
        };
        Ok(Json(Page {
            shape: shape(st, mi, q.select, q.visible),
            rows,
            paging: Paging {
                limit: q.limit,
                has_more,
                next_cursor,
                page,
            },
        }))
    }

    /// Read one record.
    #[get("/{model}/{id}")]
    #[public]
    async fn get_record(
        ctx: &Ctx,
        model: Path<String>,
        id: Path<i64>,
        params: Query<QueryParams>,
    ) -> Result<Json<Record>, ApiError> {
        let st = state(ctx)?;
        let (mi, m) = model_of(st, &model)?;
        let scope = reader_scope(m, ctx)?;
        let cols = fields_param(m, &params)?;
        let values = fetch_one(ctx, m, &cols, *id, scope)
            .await?
            .ok_or_else(|| not_found(m, *id))?;
        let n = cols.len();
        Ok(Json(Record {
            shape: shape(st, mi, cols, n),
            values,
        }))
    }

    /// Create a record.
    #[post("/{model}")]
    async fn create_record(
        ctx: &Ctx,
        user: User,
        model: Path<String>,
        body: Json<serde_json::Value>,
    ) -> Result<Created<Record>, ApiError> {
        let st = state(ctx)?;
        let (mi, m) = model_of(st, &model)?;
        let changes = record::changes(m, &body, Write::Create, sees_all(&user))?;
        check_links(ctx, st, m, &changes, &user).await?;
        let now = Value::from(Timestamp::now());
        let mut columns = vec![(Col::Created, now.clone()), (Col::Updated, now)];
        if !changes.columns.iter().any(|(c, _)| *c == Col::Owner) {
            columns.push((Col::Owner, Value::Text(user.id.clone())));
        }
        columns.extend(changes.columns);
        let sql = query::insert_sql(m, columns);
        let cols = Col::all(m);
        let rows = ctx
            .db()
            .query_rows(sql.text, sql.params)
            .await
            .map_err(|e| write_error(m, e))?;
        let values = rows
            .rows
            .into_iter()
            .next()
            .ok_or_else(|| ApiError::internal("INSERT … RETURNING returned no row"))?;
        let id = match values.first() {
            Some(Value::Integer(id)) => *id,
            _ => return Err(ApiError::internal("the new record has no integer id")),
        };
        let n = cols.len();
        Ok(Created::new(
            format!("/{}/{id}", m.name),
            Record {
                shape: shape(st, mi, cols, n),
                values,
            },
        ))
    }

    /// Replace a record: every field is set; fields left out get their default or null.
    #[put("/{model}/{id}")]
    async fn replace_record(
        ctx: &Ctx,
        user: User,
        model: Path<String>,
        id: Path<i64>,
        body: Json<serde_json::Value>,
    ) -> Result<Json<Record>, ApiError> {
        let st = state(ctx)?;
        update(ctx, st, &model, *id, &user, &body, Write::Replace)
            .await
            .map(Json)
    }

    /// Change some fields of a record; the others stay as they are.
    #[patch("/{model}/{id}")]
    async fn update_record(
        ctx: &Ctx,
        user: User,
        model: Path<String>,
        id: Path<i64>,
        body: Json<serde_json::Value>,
    ) -> Result<Json<Record>, ApiError> {
        let st = state(ctx)?;
        update(ctx, st, &model, *id, &user, &body, Write::Patch)
            .await
            .map(Json)
    }

    /// Delete a record.
    #[delete("/{model}/{id}")]
    async fn delete_record(
        ctx: &Ctx,
        user: User,
        model: Path<String>,
        id: Path<i64>,
    ) -> Result<NoContent, ApiError> {
        let st = state(ctx)?;
        let (_, m) = model_of(st, &model)?;
        let sql = query::delete_sql(m, *id, writer_scope(m, &user).as_deref());
        let done = ctx
            .db()
            .execute(sql.text, sql.params)
            .await
            .map_err(|e| write_error(m, e))?;
        if done.rows_affected == 0 {
            return Err(not_found(m, *id));
        }
        Ok(NoContent)
    }
}
