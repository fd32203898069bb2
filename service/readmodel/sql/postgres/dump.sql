-- name: dump_search_documents
SELECT * FROM search_documents ORDER BY key;
