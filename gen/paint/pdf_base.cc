/* cairo's file edited with qpdf's C++ API, the structure tree made of qpdf objects, and
 * the whole written again by qpdf without cairo's structure tree (see pdf_base.h). */
#include "paint/pdf_base.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstring>
#include <exception>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "util/i18n.h"

struct pdf_base {
    QPDF q;
    std::string name;
    diag *d = nullptr;
    std::vector<QPDFObjectHandle> pages;
    std::vector<std::vector<int>> page_links; /* annotation indexes of each page */
    std::vector<QPDFObjectHandle> links;
    QPDFObjectHandle struct_root;
    /* the structure tree: elements (the Document last), the element being made and its
     * /K, the ParentTree's /Nums */
    std::vector<QPDFObjectHandle> elems;
    QPDFObjectHandle elem;
    std::vector<QPDFObjectHandle> kids;
    std::vector<QPDFObjectHandle> nums;
    /* names and small integers made once and shared: they are immutable, and there are
     * tens of thousands of uses */
    std::unordered_map<std::string, QPDFObjectHandle> names;
    std::vector<QPDFObjectHandle> ints;
    QPDFObjectHandle null = QPDFObjectHandle::newNull();
};

static void report(pdf_base *b, const char *what)
{
    diag_error(b->d, b->name.c_str(), 0, _("cannot write PDF: %s"), what);
}

/* Thrown when the sink refused bytes: it has reported why. */
struct sink_failed {};

/* Runs `edit`, qpdf's exceptions (a damaged object...) reported: false then. */
template <typename Edit> static bool guarded(pdf_base *b, Edit edit)
{
    try {
        edit();
        return true;
    } catch (sink_failed &) {
        return false;
    } catch (std::exception &e) {
        report(b, e.what());
        return false;
    }
}

/* Every object of cairo's file reachable from `from` (its trailer, once the structure
 * tree is out of the catalog). */
static std::set<int> reachable(QPDFObjectHandle from)
{
    std::set<int> seen;
    std::vector<QPDFObjectHandle> todo{from};
    while (!todo.empty()) {
        QPDFObjectHandle h = todo.back();
        todo.pop_back();
        if (h.isIndirect() && !seen.insert(h.getObjectID()).second)
            continue;
        if (h.isArray()) {
            for (auto &item : h.aitems())
                todo.push_back(item);
        } else if (h.isDictionary() || h.isStream()) {
            for (auto &kv : (h.isStream() ? h.getDict() : h).ditems())
                todo.push_back(kv.second);
        }
    }
    return seen;
}

/* cairo's structure tree is replaced: its objects (one per marked-content sequence,
 * most of the file) are never read. Their numbers are given to the new tree's first
 * `nelems` elements, made empty dictionaries here, and the numbers left over are made
 * null: every object of the file is then resolved, so that neither the writer nor a new
 * object makes qpdf parse them, and the new tree reuses their slots in qpdf's cache
 * instead of adding its own. cairo numbers its objects from 1 without gaps. */
static void drop_unreachable(pdf_base *b, size_t nelems)
{
    QPDFObjectHandle root = b->q.getRoot();
    root.removeKey("/StructTreeRoot");
    std::set<int> live = reachable(b->q.getTrailer());
    int size = b->q.getTrailer().getKey("/Size").getIntValueAsInt();
    b->elems.reserve(nelems);
    for (int id = 1; id < size; id++) {
        if (live.count(id))
            continue;
        if (b->elems.size() < nelems) {
            b->q.replaceObject(id, 0, QPDFObjectHandle::newDictionary());
            b->elems.push_back(b->q.getObject(id, 0));
        } else {
            b->q.replaceObject(id, 0, QPDFObjectHandle::newNull());
        }
    }
}

static void find_links(pdf_base *b)
{
    for (auto &page : b->pages) {
        std::vector<int> mine;
        QPDFObjectHandle annots = page.getKey("/Annots");
        if (annots.isArray())
            for (auto &a : annots.aitems())
                if (a.isDictionary() && a.getKey("/Subtype").isNameAndEquals("/Link")) {
                    mine.push_back((int)b->links.size());
                    b->links.push_back(a);
                }
        b->page_links.push_back(mine);
    }
}

pdf_base *pdf_base_open(const unsigned char *data, size_t len, int nelems, const char *name,
                        diag *d)
{
    pdf_base *b = new pdf_base;
    b->name = name;
    b->d = d;
    try {
        /* zlib's level 5: within 1 % of the default level's size on page content and on
         * structure objects, and a quarter faster */
        Pl_Flate::setCompressionLevel(5);
        b->q.setSuppressWarnings(true);
        b->q.processMemoryFile(name, (const char *)data, len);
        drop_unreachable(b, (size_t)nelems + 1);
        b->pages = b->q.getAllPages();
        find_links(b);
        return b;
    } catch (std::exception &e) {
        report(b, e.what());
        delete b;
        return nullptr;
    }
}

void pdf_base_destroy(pdf_base *b)
{
    delete b;
}

int pdf_base_npages(const pdf_base *b)
{
    return (int)b->pages.size();
}

int pdf_base_page_links(pdf_base *b, int page)
{
    return (int)b->page_links[(size_t)page].size();
}

int pdf_base_page_link(pdf_base *b, int page, int index)
{
    return b->page_links[(size_t)page][(size_t)index];
}

bool pdf_base_tag_link(pdf_base *b, int annot, int struct_parent, const char *contents)
{
    return guarded(b, [&] {
        QPDFObjectHandle a = b->links[(size_t)annot];
        if (struct_parent < 0)
            a.removeKey("/StructParent");
        else
            a.replaceKey("/StructParent", QPDFObjectHandle::newInteger(struct_parent));
        QPDFObjectHandle action = a.getKey("/A");
        QPDFObjectHandle uri = action.isDictionary() ? action.getKey("/URI") : QPDFObjectHandle();
        if (contents)
            a.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(contents));
        else if (uri.isString())
            a.replaceKey("/Contents", uri);
    });
}

bool pdf_base_tag_page(pdf_base *b, int page, int struct_parents)
{
    return guarded(b, [&] {
        QPDFObjectHandle p = b->pages[(size_t)page];
        p.replaceKey("/StructParents", QPDFObjectHandle::newInteger(struct_parents));
        p.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
    });
}

bool pdf_base_page_content(pdf_base *b, int page, unsigned char **data, size_t *len)
{
    return guarded(b, [&] {
        Pl_Buffer buf("page content");
        QPDFPageObjectHelper(b->pages[(size_t)page]).pipeContents(&buf);
        buf.getMallocBuffer(data, len);
    });
}

/* The page's new content deflated at once, as the writer would have: held compressed
 * until it is written (a few KB a page instead of tens: 3,000 pages held 45 MB), then
 * copied by the writer as it is. */
static std::shared_ptr<Buffer> deflated(const char *data, size_t len)
{
    Pl_Buffer out("page content");
    Pl_Flate flate("page content", &out, Pl_Flate::a_deflate);
    flate.write((unsigned char const *)data, len);
    flate.finish();
    return out.getBufferSharedPointer();
}

bool pdf_base_set_page_content(pdf_base *b, int page, const char *data, size_t len)
{
    return guarded(b, [&] {
        QPDFObjectHandle p = b->pages[(size_t)page];
        QPDFObjectHandle c = p.getKey("/Contents");
        /* cairo writes one content stream a page: its data is replaced in place */
        if (!c.isStream()) {
            c = b->q.newStream();
            p.replaceKey("/Contents", c);
        }
        c.replaceStreamData(deflated(data, len), QPDFObjectHandle::newName("/FlateDecode"),
                            QPDFObjectHandle::newNull());
    });
}

/* cairo 1.16 starts /PageLabels at the first labelled page, but the number tree must hold
 * page 0: unlabelled pages before it get plain decimal numbers. */
static void labels_from_page_0(QPDFObjectHandle cat)
{
    QPDFObjectHandle labels = cat.getKey("/PageLabels");
    if (!labels.isDictionary())
        return;
    QPDFObjectHandle nums = labels.getKey("/Nums");
    if (!nums.isArray() || nums.getArrayNItems() < 2) {
        cat.removeKey("/PageLabels");
    } else if (nums.getArrayItem(0).getIntValue() != 0) {
        QPDFObjectHandle decimal = QPDFObjectHandle::newDictionary();
        decimal.replaceKey("/S", QPDFObjectHandle::newName("/D"));
        nums.insertItem(0, decimal);
        nums.insertItem(0, QPDFObjectHandle::newInteger(0));
    }
}

static void tag_document(pdf_base *b, const char *lang, const char *xmp, size_t xmp_len,
                         const char *pdf_date, const char *producer)
{
    QPDFObjectHandle cat = b->q.getRoot();
    QPDFObjectHandle mark = QPDFObjectHandle::newDictionary();
    mark.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
    cat.replaceKey("/MarkInfo", mark);
    if (lang)
        cat.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(lang));
    QPDFObjectHandle vp = cat.getKey("/ViewerPreferences");
    if (!vp.isDictionary())
        vp = QPDFObjectHandle::newDictionary();
    vp.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    cat.replaceKey("/ViewerPreferences", vp);
    /* a document with bookmarks opens with them shown, as FOP's do */
    if (cat.getKey("/Outlines").isDictionary() && cat.getKey("/Outlines").hasKey("/First"))
        cat.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
    labels_from_page_0(cat);

    QPDFObjectHandle meta = b->q.newStream(std::string(xmp, xmp_len));
    meta.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    meta.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    cat.replaceKey("/Metadata", meta);

    QPDFObjectHandle root = QPDFObjectHandle::newDictionary();
    root.replaceKey("/Type", QPDFObjectHandle::newName("/StructTreeRoot"));
    b->struct_root = b->q.makeIndirectObject(root);
    cat.replaceKey("/StructTreeRoot", b->struct_root);

    QPDFObjectHandle trailer = b->q.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = b->q.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdf_date));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(pdf_date));
    info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(producer));
}

bool pdf_base_tag_document(pdf_base *b, const char *lang, const char *xmp, size_t xmp_len,
                           const char *pdf_date, const char *producer)
{
    return guarded(b, [&] { tag_document(b, lang, xmp, xmp_len, pdf_date, producer); });
}

/* ---- the structure tree ------------------------------------------------------------------ */

static QPDFObjectHandle name(pdf_base *b, const std::string &n)
{
    auto it = b->names.find(n);
    if (it == b->names.end())
        it = b->names.emplace(n, QPDFObjectHandle::newName(n)).first;
    return it->second;
}

/* Small integers (MCIDs, ParentTree keys below the page count...) shared. */
static QPDFObjectHandle integer(pdf_base *b, int v)
{
    if (v < 0 || v >= 4096)
        return QPDFObjectHandle::newInteger(v);
    while (b->ints.size() <= (size_t)v)
        b->ints.push_back(QPDFObjectHandle::newInteger((long long)b->ints.size()));
    return b->ints[(size_t)v];
}

bool pdf_base_tree_new(pdf_base *b, int nelems)
{
    return guarded(b, [&] {
        b->elems.reserve((size_t)nelems + 1);
        while (b->elems.size() <= (size_t)nelems) /* those cairo's tree had no number for */
            b->elems.push_back(b->q.makeIndirectObject(QPDFObjectHandle::newDictionary()));
        b->nums.reserve(2 * (size_t)b->pages.size() + 2 * b->links.size());
    });
}

bool pdf_base_elem_begin(pdf_base *b, int elem, const char *type, int parent, const char *lang,
                         const char *alt)
{
    return guarded(b, [&] {
        b->elem = b->elems[(size_t)elem];
        b->kids.clear();
        b->elem.replaceKey("/S", name(b, std::string("/") + type));
        b->elem.replaceKey("/P", parent < 0 ? b->struct_root : b->elems[(size_t)parent]);
        if (lang)
            b->elem.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(lang));
        if (alt)
            b->elem.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alt));
    });
}

bool pdf_base_elem_table(pdf_base *b, const char *scope, int colspan, int rowspan)
{
    return guarded(b, [&] {
        QPDFObjectHandle a = QPDFObjectHandle::newDictionary();
        a.replaceKey("/O", name(b, "/Table"));
        if (scope)
            a.replaceKey("/Scope", name(b, std::string("/") + scope));
        if (colspan > 1)
            a.replaceKey("/ColSpan", integer(b, colspan));
        if (rowspan > 1)
            a.replaceKey("/RowSpan", integer(b, rowspan));
        b->elem.replaceKey("/A", a);
    });
}

bool pdf_base_elem_page(pdf_base *b, int page)
{
    return guarded(b, [&] { b->elem.replaceKey("/Pg", b->pages[(size_t)page]); });
}

bool pdf_base_elem_kid(pdf_base *b, int kid)
{
    return guarded(b, [&] { b->kids.push_back(b->elems[(size_t)kid]); });
}

bool pdf_base_elem_mcid(pdf_base *b, int page, int mcid)
{
    return guarded(b, [&] {
        if (page < 0) {
            b->kids.push_back(integer(b, mcid));
            return;
        }
        QPDFObjectHandle mcr = QPDFObjectHandle::newDictionary();
        mcr.replaceKey("/Type", name(b, "/MCR"));
        mcr.replaceKey("/Pg", b->pages[(size_t)page]);
        mcr.replaceKey("/MCID", integer(b, mcid));
        b->kids.push_back(std::move(mcr));
    });
}

bool pdf_base_elem_link(pdf_base *b, int page, int annot)
{
    return guarded(b, [&] {
        QPDFObjectHandle objr = QPDFObjectHandle::newDictionary();
        objr.replaceKey("/Type", name(b, "/OBJR"));
        objr.replaceKey("/Pg", b->pages[(size_t)page]);
        objr.replaceKey("/Obj", b->links[(size_t)annot]);
        b->kids.push_back(std::move(objr));
    });
}

/* /K holds a single kid itself, not in an array, and is left out when there is none (ISO
 * 32000-1, 14.7.2): one array object fewer for most elements, for qpdf to make and write. */
bool pdf_base_elem_end(pdf_base *b)
{
    return guarded(b, [&] {
        if (b->kids.size() == 1)
            b->elem.replaceKey("/K", b->kids[0]);
        else if (!b->kids.empty())
            b->elem.replaceKey("/K", QPDFObjectHandle::newArray(b->kids));
    });
}

bool pdf_base_parent_page(pdf_base *b, int page, const int *elems, size_t n)
{
    return guarded(b, [&] {
        std::vector<QPDFObjectHandle> v;
        v.reserve(n);
        for (size_t i = 0; i < n; i++)
            v.push_back(elems[i] >= 0 ? b->elems[(size_t)elems[i]] : b->null);
        b->nums.push_back(integer(b, page));
        b->nums.push_back(b->q.makeIndirectObject(QPDFObjectHandle::newArray(v)));
    });
}

bool pdf_base_parent_link(pdf_base *b, int elem)
{
    return guarded(b, [&] {
        b->nums.push_back(integer(b, (int)b->nums.size() / 2));
        b->nums.push_back(b->elems[(size_t)elem]);
    });
}

/* The StructTreeRoot's entries, once every element is made. */
static void finish_tree(pdf_base *b, int next_key)
{
    QPDFObjectHandle tree = QPDFObjectHandle::newDictionary();
    tree.replaceKey("/Nums", QPDFObjectHandle::newArray(b->nums));
    b->struct_root.replaceKey("/K", b->elems.back());
    b->struct_root.replaceKey("/ParentTree", b->q.makeIndirectObject(tree));
    b->struct_root.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(next_key));
}

/* The writer's output handed to the sink as it comes: the file is never held whole in
 * memory (a Pl_Buffer and its copy were twice the file's size at the step's peak). */
class sink_pipeline : public Pipeline {
  public:
    sink_pipeline(pdf_base_sink sink, void *closure) :
        Pipeline("output", nullptr), sink(sink), closure(closure)
    {
    }
    void write(unsigned char const *data, size_t len) override
    {
        if (len && !sink(closure, data, len))
            throw sink_failed();
    }
    void finish() override {}

  private:
    pdf_base_sink sink;
    void *closure;
};

bool pdf_base_write(pdf_base *b, int next_key, pdf_base_sink sink, void *closure)
{
    return guarded(b, [&] {
        finish_tree(b, next_key);
        sink_pipeline out(sink, closure);
        QPDFWriter w(b->q);
        w.setOutputPipeline(&out);
        w.setDeterministicID(true);
        w.setObjectStreamMode(qpdf_o_generate);
        w.setCompressStreams(true);
        w.setDecodeLevel(qpdf_dl_none);
        w.write();
    });
}
