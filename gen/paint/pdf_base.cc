/* cairo's file edited with qpdf's C++ API and written again without cairo's structure
 * tree (see pdf_base.h). */
#include "paint/pdf_base.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <glib.h>

#include "util/i18n.h"

struct pdf_base {
    QPDF q;
    std::string name;
    diag *d = nullptr;
    std::vector<QPDFObjectHandle> pages;
    std::vector<std::vector<int>> page_links; /* annotation indexes of each page */
    std::vector<QPDFObjectHandle> links;
    QPDFObjectHandle struct_root;
    std::unique_ptr<QPDFWriter> w;
    std::shared_ptr<Buffer> out;
};

static void report(pdf_base *b, const char *what)
{
    diag_error(b->d, b->name.c_str(), 0, _("cannot write PDF: %s"), what);
}

/* Runs `edit`, qpdf's exceptions (a damaged object...) reported: false then. */
template <typename Edit> static bool guarded(pdf_base *b, Edit edit)
{
    try {
        edit();
        return true;
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
 * most of the file) are made null unread, so that neither the writer nor a new object
 * makes qpdf parse them. cairo numbers its objects from 1 without gaps. */
static void drop_unreachable(pdf_base *b)
{
    QPDFObjectHandle root = b->q.getRoot();
    root.removeKey("/StructTreeRoot");
    std::set<int> live = reachable(b->q.getTrailer());
    int size = b->q.getTrailer().getKey("/Size").getIntValueAsInt();
    for (int id = 1; id < size; id++)
        if (!live.count(id))
            b->q.replaceObject(id, 0, QPDFObjectHandle::newNull());
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

pdf_base *pdf_base_open(const unsigned char *data, size_t len, const char *name, diag *d)
{
    pdf_base *b = new pdf_base;
    b->name = name;
    b->d = d;
    try {
        b->q.setSuppressWarnings(true);
        b->q.processMemoryFile(name, (const char *)data, len);
        drop_unreachable(b);
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

bool pdf_base_set_page_content(pdf_base *b, int page, const char *data, size_t len)
{
    return guarded(b, [&] {
        QPDFObjectHandle p = b->pages[(size_t)page];
        QPDFObjectHandle c = p.getKey("/Contents");
        std::string s(data, len);
        /* cairo writes one content stream a page: its data is replaced in place */
        if (c.isStream())
            c.replaceStreamData(s, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        else
            p.replaceKey("/Contents", b->q.newStream(s));
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

bool pdf_base_write(pdf_base *b)
{
    return guarded(b, [&] {
        /* as pdf_update.c's object streams: the default's size, a quarter faster */
        Pl_Flate::setCompressionLevel(5);
        b->w = std::make_unique<QPDFWriter>(b->q);
        b->w->setOutputMemory();
        b->w->setDeterministicID(true);
        b->w->setObjectStreamMode(qpdf_o_generate);
        b->w->setCompressStreams(true);
        b->w->setDecodeLevel(qpdf_dl_none);
        b->w->write();
        b->out = b->w->getBufferSharedPointer();
    });
}

const unsigned char *pdf_base_bytes(const pdf_base *b, size_t *len)
{
    *len = b->out->getSize();
    return b->out->getBuffer();
}

static int written_number(const pdf_base *b, QPDFObjectHandle h)
{
    return b->w->getRenumberedObjGen(h.getObjGen()).getObj();
}

int pdf_base_page_number(const pdf_base *b, int page)
{
    return written_number(b, b->pages[(size_t)page]);
}

int pdf_base_link_number(const pdf_base *b, int annot)
{
    return written_number(b, b->links[(size_t)annot]);
}

int pdf_base_struct_root_number(const pdf_base *b)
{
    return written_number(b, b->struct_root);
}

/* The number after the file's last "startxref", or -1. */
static long long startxref(const unsigned char *data, size_t len)
{
    size_t tail = len > 1024 ? 1024 : len;
    std::string end((const char *)data + len - tail, tail);
    size_t at = end.rfind("startxref");
    return at == std::string::npos ? -1 : strtoll(end.c_str() + at + 9, nullptr, 10);
}

bool pdf_base_trailer(pdf_base *b, int *size, long long *xref_offset, char **keys)
{
    try {
        QPDF written;
        written.setSuppressWarnings(true);
        written.processMemoryFile(b->name.c_str(), (const char *)b->out->getBuffer(),
                                  b->out->getSize());
        QPDFObjectHandle t = written.getTrailer();
        *size = t.getKey("/Size").getIntValueAsInt();
        *xref_offset = startxref(b->out->getBuffer(), b->out->getSize());
        std::string k = "/Root " + t.getKey("/Root").unparse();
        if (t.hasKey("/Info"))
            k += " /Info " + t.getKey("/Info").unparse();
        if (t.hasKey("/ID"))
            k += " /ID " + t.getKey("/ID").unparse();
        *keys = g_strdup(k.c_str());
        if (*xref_offset < 0)
            report(b, "no startxref");
        return *xref_offset >= 0;
    } catch (std::exception &e) {
        report(b, e.what());
        return false;
    }
}

char *pdf_text_string(const char *utf8)
{
    return g_strdup(QPDFObjectHandle::newUnicodeString(utf8).unparse().c_str());
}

char *pdf_text_name(const char *name)
{
    return g_strdup(QPDFObjectHandle::newName(name).unparse().c_str());
}
